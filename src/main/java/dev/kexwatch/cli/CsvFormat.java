package dev.kexwatch.cli;

import dev.kexwatch.policy.Finding;
import dev.kexwatch.probe.ProbeResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code --format csv}: RFC 4180, one row per finding (a host with none gets one row with the rule columns empty).
 * Cells from servers are hostile: control characters are escaped, and a cell a spreadsheet would run as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @} first) gets a leading apostrophe, as OWASP advises.
 */
final class CsvFormat {

    static final List<String> HEADER = List.of("target", "host", "port", "outcome", "policy", "compliant", "worst",
            "rule", "severity", "category", "direction", "names");

    private CsvFormat() {
    }

    static void print(PrintWriter out, List<TargetReport> reports) {
        out.print(line(HEADER));
        reports.forEach(report -> rows(report).forEach(row -> out.print(line(row))));
    }

    private static List<List<String>> rows(TargetReport report) {
        ProbeResult result = report.result();
        List<String> host = List.of(result.target().toString(), result.target().host(),
                String.valueOf(result.target().port()), result.outcome().name().toLowerCase(Locale.ROOT),
                report.evaluation().map(e -> e.policyId() + " " + e.policyVersion()).orElse(""),
                report.evaluation().map(e -> String.valueOf(e.compliant())).orElse(""),
                report.evaluation().flatMap(e -> e.worst()).map(s -> s.id()).orElse(""));
        List<Finding> findings = report.evaluation().map(e -> e.findings()).orElse(List.of());
        if (findings.isEmpty()) {
            return List.of(concat(host, List.of("", "", "", "", "")));
        }
        return findings.stream().map(f -> concat(host, List.of(f.ruleId(), f.severity().id(), f.category().id(),
                f.direction().map(d -> d.id()).orElse(""), String.join(" ", f.names())))).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    static String line(List<String> cells) {
        return cells.stream().map(CsvFormat::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    static String cell(String value) {
        String text = Text.safe(value);
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches("(?s).*[\",\r\n].*") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
