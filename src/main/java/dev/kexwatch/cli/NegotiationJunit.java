package dev.kexwatch.cli;

import dev.kexwatch.cli.NegotiationResults.Pair;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.NegotiationReport;
import dev.kexwatch.probe.ProbeResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code negotiate --format junit}: one test suite per client, one test case per target. A client that would fail
 * is a failure (type: the list, message: OpenSSH's "no matching ..." line, text: the seed's lines and the fixes);
 * a target not probed is an error. Under {@code --fail-on} a pair the gate lets pass passes (its text in
 * {@code system-out}) or, not probed, is skipped: the report fails exactly where the exit code does.
 */
final class NegotiationJunit {

    private static final String SUITE = "kexwatch.negotiate.";

    private NegotiationJunit() {
    }

    static void print(PrintWriter out, NegotiationResults results) {
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            List<Pair> pairs = results.pairs();
            xml.writeStartElement("testsuites");
            counts(xml, "kexwatch negotiate", pairs, results.gate());
            for (ClientProfile client : results.clients()) {
                List<Pair> mine = pairs.stream().filter(p -> p.client() == client).toList();
                xml.writeStartElement("testsuite");
                counts(xml, SUITE + client.id(), mine, results.gate());
                xml.writeAttribute("skipped", String.valueOf(mine.stream().filter(skipped(results.gate())).count()));
                xml.writeStartElement("properties");
                xml.writeEmptyElement("property");
                xml.writeAttribute("name", "client");
                xml.writeAttribute("value", Text.safe(client.label()));
                xml.writeEndElement();
                for (Pair pair : mine) {
                    testCase(xml, pair, results.gate());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.flush();
            out.println();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing JUnit XML to a PrintWriter cannot fail", e);
        }
    }

    private static void counts(XMLStreamWriter xml, String name, List<Pair> pairs, NegotiationGate gate)
            throws XMLStreamException {
        long failures = pairs.stream().filter(p -> p.report().filter(gate::fails).isPresent()).count();
        long errors = pairs.stream().filter(p -> gate.errs(p.outcome().result())).count();
        long nanos = pairs.stream().mapToLong(p -> p.outcome().result().timings().total().toNanos()).sum();
        JunitFormat.counts(xml, name, pairs.size(), failures, errors, JunitFormat.seconds(nanos));
    }

    private static Predicate<Pair> skipped(NegotiationGate gate) {
        return p -> !p.outcome().result().ok() && !gate.errs(p.outcome().result());
    }

    private static void testCase(XMLStreamWriter xml, Pair pair, NegotiationGate gate) throws XMLStreamException {
        ProbeResult result = pair.outcome().result();
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", Text.safe(SUITE + pair.client().id()));
        xml.writeAttribute("name", Text.safe(pair.target()));
        xml.writeAttribute("time", JunitFormat.seconds(result.timings().total().toNanos()));
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        if (gate.errs(result)) {
            JunitFormat.detail(xml, "error", outcome, result.outcome().message(), Text.safe(result.detail()));
        } else if (!result.ok()) {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", Text.safe("not probed: " + result.outcome().message() + ": "
                    + result.detail()));
        }
        if (pair.report().filter(r -> !r.works()).isPresent()) {
            NegotiationReport report = pair.report().orElseThrow();
            String text = lines(report);
            if (gate.fails(report)) {
                JunitFormat.detail(xml, "failure", report.failure().orElseThrow().list(),
                        Text.safe(report.failure().orElseThrow().openssh()), text);
            } else {
                xml.writeStartElement("system-out");
                xml.writeCharacters(text);
                xml.writeEndElement();
            }
        }
        xml.writeEndElement();
    }

    /** The seed's lines, then one line per fix; each escaped on its own so the line breaks stay real. */
    private static String lines(NegotiationReport report) {
        List<String> lines = new ArrayList<>(report.seedLog());
        report.fixes().forEach(fix -> lines.add("fix (" + fix.side() + "): " + fix.instruction()));
        return lines.stream().map(Text::safe).collect(Collectors.joining("\n"));
    }
}
