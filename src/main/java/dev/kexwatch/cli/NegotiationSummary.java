package dev.kexwatch.cli;

import dev.kexwatch.cli.NegotiateCommand.Outcome;
import dev.kexwatch.cli.NegotiationResults.Pair;
import dev.kexwatch.negotiation.NegotiationReport;
import dev.kexwatch.probe.ProbeResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code negotiate}'s compact view for many targets: one line per target (outcome, how many clients negotiate,
 * which fail and where), then the fleet: pairs that negotiate or fail, failures by list, clients by failing hosts.
 */
final class NegotiationSummary {

    private NegotiationSummary() {
    }

    static void print(PrintWriter out, NegotiationResults results) {
        Colour colour = new Colour(results.colour());
        int width = results.outcomes().stream().mapToInt(o -> o.result().target().toString().length()).max().orElse(0);
        results.outcomes().forEach(outcome -> target(out, outcome, width, colour));
        out.println();
        fleet(out, results);
    }

    private static void target(PrintWriter out, Outcome outcome, int width, Colour colour) {
        ProbeResult result = outcome.result();
        // Padded before it is coloured, so the escape codes do not shift the columns.
        String state = String.format("%-22s", result.outcome().name().toLowerCase(Locale.ROOT));
        List<NegotiationReport> failing = outcome.reports().stream().filter(r -> !r.works()).toList();
        String verdict = !result.ok() ? "not probed: " + result.outcome().message()
                : failing.isEmpty() ? colour.good("all " + outcome.reports().size() + " client(s) negotiate")
                : colour.bad(failing.size() + " of " + outcome.reports().size() + " client(s) fail") + ": "
                        + failing.stream().map(r -> r.client() + " (" + NegotiationText.where(r.failure()
                                .orElseThrow()) + ")").collect(Collectors.joining(", "));
        out.printf("%-" + width + "s  %s %s%n", Text.safe(result.target().toString()),
                result.ok() ? state : colour.bad(state), Text.safe(verdict));
    }

    private static void fleet(PrintWriter out, NegotiationResults results) {
        List<Pair> probed = results.pairs().stream().filter(p -> p.report().isPresent()).toList();
        List<NegotiationReport> failing = probed.stream().map(p -> p.report().orElseThrow()).filter(r -> !r.works())
                .toList();
        long notProbed = results.outcomes().stream().filter(o -> !o.result().ok()).count();
        out.printf("%d target(s) x %d client(s): %d pair(s) negotiate, %d fail, %d target(s) not probed%n",
                results.outcomes().size(), results.clients().size(), probed.size() - failing.size(), failing.size(),
                notProbed);
        out.println("  outcomes:         " + SummaryFormat.counted(results.outcomes().stream().collect(
                Collectors.groupingBy(o -> o.result().outcome().name().toLowerCase(Locale.ROOT), TreeMap::new,
                        Collectors.counting()))));
        out.println("  failures by list: " + SummaryFormat.top(failing.stream().collect(Collectors.groupingBy(
                r -> NegotiationText.where(r.failure().orElseThrow()), Collectors.counting()))));
        Map<String, Long> hostsFailed = failing.stream().collect(Collectors.groupingBy(NegotiationReport::client,
                Collectors.counting()));
        out.println("  failing clients:  " + SummaryFormat.top(hostsFailed));
    }
}
