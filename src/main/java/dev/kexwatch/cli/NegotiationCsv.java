package dev.kexwatch.cli;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.cli.NegotiationResults.Pair;
import dev.kexwatch.negotiation.NegotiationReport;
import dev.kexwatch.negotiation.NegotiationReport.Failure;
import dev.kexwatch.probe.ProbeResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code negotiate --format csv}: one row per client x target, the algorithms chosen or the failure in OpenSSH's
 * and the seed log's words with the fixes; cells go through {@link CsvFormat#cell} (escaped, formulas defused).
 */
final class NegotiationCsv {

    static final List<String> HEADER = header();

    private NegotiationCsv() {
    }

    private static List<String> header() {
        List<String> header = new ArrayList<>(List.of("target", "host", "port", "outcome", "client", "negotiates"));
        NegotiationReport.SHOWN.forEach(list -> header.add(list.key()));
        header.addAll(List.of("strict_kex", "failed_list", "ssh_says", "seed", "fixes"));
        return List.copyOf(header);
    }

    static void print(PrintWriter out, NegotiationResults results) {
        out.print(CsvFormat.line(HEADER));
        results.pairs().forEach(pair -> out.print(CsvFormat.line(row(pair))));
    }

    private static List<String> row(Pair pair) {
        ProbeResult result = pair.outcome().result();
        List<String> row = new ArrayList<>(List.of(pair.target(), result.target().host(),
                String.valueOf(result.target().port()), result.outcome().name().toLowerCase(Locale.ROOT),
                pair.client().id(), pair.report().map(r -> String.valueOf(r.works())).orElse("")));
        for (KexList list : NegotiationReport.SHOWN) {
            row.add(pair.report().map(r -> r.chosen().getOrDefault(list.key(), "")).orElse(""));
        }
        row.add(pair.report().map(r -> String.valueOf(r.strictKex())).orElse(""));
        Optional<Failure> failure = pair.report().flatMap(NegotiationReport::failure);
        row.add(failure.map(Failure::list).orElse(""));
        row.add(failure.map(Failure::openssh).orElse(""));
        row.add(failure.map(Failure::seed).orElse(""));
        row.add(pair.report().map(r -> r.fixes().stream().map(f -> f.side() + ": " + f.instruction())
                .collect(Collectors.joining("; "))).orElse(""));
        return row;
    }
}
