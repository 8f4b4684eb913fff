package dev.kexwatch.cli;

import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.probe.ProbeResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code --format junit}: JUnit XML (the Ant/Surefire dialect every CI server reads). One test suite per policy,
 * one test case per host; a host with findings fails, the failure carrying every finding one a line; a host that
 * could not be probed is an error. Text is escaped first: XML 1.0 cannot carry most control characters at all.
 */
final class JunitFormat {

    private JunitFormat() {
    }

    static void print(PrintWriter out, ScanResults results) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            List<TargetReport> reports = results.reports();
            long failures = reports.stream().filter(r -> fails(r, results)).count();
            long errors = reports.stream().filter(r -> !r.result().ok()).count();
            String time = seconds(reports.stream().mapToLong(r -> r.result().timings().total().toNanos()).sum());
            String suite = "kexwatch." + results.policy().id();
            xml.writeStartElement("testsuites");
            counts(xml, "kexwatch scan", reports.size(), failures, errors, time);
            xml.writeStartElement("testsuite");
            counts(xml, suite, reports.size(), failures, errors, time);
            xml.writeAttribute("skipped", "0");
            property(xml, results);
            for (TargetReport report : reports) {
                testCase(xml, suite, report, fails(report, results));
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            out.println();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML to a PrintWriter cannot fail", e);
        }
    }

    static void counts(XMLStreamWriter xml, String name, long tests, long failures, long errors, String time)
            throws XMLStreamException {
        xml.writeAttribute("name", Text.safe(name));
        xml.writeAttribute("tests", String.valueOf(tests));
        xml.writeAttribute("failures", String.valueOf(failures));
        xml.writeAttribute("errors", String.valueOf(errors));
        xml.writeAttribute("time", time);
    }

    private static void property(XMLStreamWriter xml, ScanResults results) throws XMLStreamException {
        xml.writeStartElement("properties");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", "policy");
        xml.writeAttribute("value", Text.safe(results.policy().id() + " " + results.policy().version()));
        xml.writeEndElement();
    }

    /** A host with findings fails, unless {@code --fail-on} lets its worst finding pass (then its exit code is 0). */
    private static boolean fails(TargetReport report, ScanResults results) {
        return report.result().ok() && report.evaluation().filter(e -> !e.compliant()).isPresent()
                && report.exitCode(results.failOn()) != TargetReport.GOOD;
    }

    private static void testCase(XMLStreamWriter xml, String suite, TargetReport report, boolean fails)
            throws XMLStreamException {
        ProbeResult result = report.result();
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", Text.safe(suite));
        xml.writeAttribute("name", Text.safe(result.target().toString()));
        xml.writeAttribute("time", seconds(result.timings().total().toNanos()));
        if (!result.ok()) {
            detail(xml, "error", result.outcome().name().toLowerCase(Locale.ROOT), result.outcome().message(),
                    Text.safe(result.detail()));
        }
        Optional<Evaluation> judged = report.evaluation().filter(e -> !e.compliant());
        if (judged.isPresent()) {
            Evaluation evaluation = judged.get();
            String findings = evaluation.findings().stream().map(f -> Text.safe(finding(f)))
                    .collect(Collectors.joining("\n"));
            if (fails) {
                detail(xml, "failure", evaluation.worst().orElseThrow().id(), evaluation.findings().size()
                        + " finding(s), worst " + evaluation.worst().orElseThrow().id() + ": " + evaluation.findings()
                                .stream().map(Finding::ruleId).distinct().collect(Collectors.joining(", ")), findings);
            } else {
                // Below --fail-on: the test passes, and the findings stay readable in its output.
                xml.writeStartElement("system-out");
                xml.writeCharacters(findings);
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
    }

    /** {@code text} is already escaped by the caller, line by line, so its own line breaks stay real. */
    static void detail(XMLStreamWriter xml, String element, String type, String message, String text)
            throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("type", Text.safe(type));
        xml.writeAttribute("message", Text.safe(message));
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    /** One finding a line: severity, rule, where, the names offered, and why. */
    private static String finding(Finding finding) {
        String where = finding.category().id() + finding.direction().map(d -> " " + d.id()).orElse("");
        return finding.severity().id().toUpperCase(Locale.ROOT) + " " + finding.ruleId() + " (" + where + "): "
                + String.join(", ", finding.names()) + " - " + finding.rationale();
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
