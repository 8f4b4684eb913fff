package dev.kexwatch.cli;

import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.policy.Severity;
import dev.kexwatch.probe.ProbeResult;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The compact view for many targets: one line per host (outcome, compliant, worst severity, finding count), then
 * the fleet: outcomes, findings by rule, and the weakest algorithms by how many hosts offer them.
 */
final class SummaryFormat {

    /** How many rules and algorithms the fleet summary names; the rest is a count. */
    static final int TOP = 10;

    private SummaryFormat() {
    }

    static void print(PrintWriter out, ScanResults results) {
        Colour colour = new Colour(results.colour());
        int width = results.reports().stream().mapToInt(r -> r.result().target().toString().length()).max().orElse(0);
        results.reports().forEach(report -> host(out, report, width, colour));
        out.println();
        fleet(out, results);
    }

    private static void host(PrintWriter out, TargetReport report, int width, Colour colour) {
        ProbeResult result = report.result();
        // Padded before it is coloured, so the escape codes do not shift the columns.
        String outcome = String.format("%-22s", result.outcome().name().toLowerCase(Locale.ROOT));
        String verdict = report.evaluation().map(e -> e.compliant() ? colour.good("compliant")
                : e.findings().size() + " finding(s), worst " + colour.severity(e.worst().orElseThrow()))
                .orElse("not judged");
        out.printf("%-" + width + "s  %s %s%n", Text.safe(result.target().toString()),
                result.ok() ? outcome : colour.bad(outcome), verdict);
    }

    private static void fleet(PrintWriter out, ScanResults results) {
        List<TargetReport> reports = results.reports();
        List<Evaluation> judged = reports.stream().flatMap(r -> r.evaluation().stream()).toList();
        long compliant = judged.stream().filter(Evaluation::compliant).count();
        out.printf("%d target(s), policy %s %s: %d compliant, %d with findings, %d not probed%n", reports.size(),
                Text.safe(results.policy().id()), Text.safe(results.policy().version()), compliant,
                judged.size() - compliant, reports.size() - judged.size());
        out.println("  outcomes:         " + counted(reports.stream().collect(Collectors.groupingBy(
                r -> r.result().outcome().name().toLowerCase(Locale.ROOT), TreeMap::new, Collectors.counting()))));
        out.println("  worst severity:   " + counted(worstCounts(judged)));
        out.println("  findings by rule: " + top(hostsPer(judged, f -> List.of(f.ruleId()))));
        out.println("  weakest names:    " + weakest(judged));
    }

    private static Map<String, Long> worstCounts(List<Evaluation> judged) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Severity severity : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            long hosts = judged.stream().filter(e -> e.worst().filter(severity::equals).isPresent()).count();
            if (hosts > 0) {
                counts.put(severity.id(), hosts);
            }
        }
        return counts;
    }

    /** How many hosts have a finding with each key (a rule, an algorithm name): each host counts once. */
    private static Map<String, Long> hostsPer(List<Evaluation> judged,
            java.util.function.Function<Finding, List<String>> keys) {
        Map<String, Long> hosts = new HashMap<>();
        for (Evaluation evaluation : judged) {
            Set<String> seen = new HashSet<>();
            evaluation.findings().forEach(f -> seen.addAll(keys.apply(f)));
            seen.forEach(key -> hosts.merge(key, 1L, Long::sum));
        }
        return hosts;
    }

    /** Names in findings, worst severity first, then by how many hosts offer them: what to remove first. */
    private static String weakest(List<Evaluation> judged) {
        Map<String, Severity> worst = new HashMap<>();
        judged.forEach(e -> e.findings().forEach(f -> f.names().forEach(name -> worst.merge(name, f.severity(),
                (a, b) -> a.compareTo(b) >= 0 ? a : b))));
        Map<String, Long> hosts = hostsPer(judged, Finding::names);
        List<String> ranked = hosts.keySet().stream().sorted(Comparator.comparing((String n) -> worst.get(n))
                .reversed().thenComparing(hosts::get, Comparator.reverseOrder()).thenComparing(n -> n)).toList();
        return limited(ranked.stream().map(n -> n + " (" + worst.get(n).id() + ") " + hosts.get(n)).toList());
    }

    static String top(Map<String, Long> counts) {
        return limited(counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    static String counted(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : Text.safe(counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")));
    }

    private static String limited(List<String> items) {
        if (items.isEmpty()) {
            return "none";
        }
        String shown = String.join(", ", items.subList(0, Math.min(TOP, items.size())));
        return Text.safe(items.size() > TOP ? shown + ", and " + (items.size() - TOP) + " more" : shown);
    }
}
