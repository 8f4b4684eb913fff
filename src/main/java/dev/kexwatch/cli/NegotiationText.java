package dev.kexwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kexwatch.cli.NegotiateCommand.Outcome;
import dev.kexwatch.negotiation.NegotiationReport;
import dev.kexwatch.negotiation.NegotiationReport.Failure;
import dev.kexwatch.probe.ProbeResult;
import java.io.PrintWriter;
import java.util.Locale;

/** How {@code kexwatch negotiate} prints an outcome: a block per target, or one JSON object per target. */
final class NegotiationText {

    /** Jdk8Module for the reports' Optional fields. */
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    private static final String ROW = "    %-18s%s%n";

    private NegotiationText() {
    }

    static void print(PrintWriter out, Outcome outcome) {
        ProbeResult result = outcome.result();
        out.printf("%s  %s%n", result.target(), result.identification().map(id -> id.line())
                .orElse(result.outcome().name()));
        if (!result.ok()) {
            out.printf("  not probed: %s: %s%n%n", result.outcome().message(), result.detail());
            return;
        }
        outcome.reports().forEach(report -> client(out, report));
        out.println();
    }

    static void client(PrintWriter out, NegotiationReport report) {
        out.printf("  %s: %s%n", report.clientLabel(), report.works() ? "negotiates"
                : "FAILS (" + report.failure().map(NegotiationText::where).orElse("") + ")");
        report.chosen().forEach((list, name) -> out.printf(ROW, list.replace('_', ' '), name));
        if (report.works()) {
            out.printf(ROW, "strict kex", report.strictKex() ? "on" : "off");
            return;
        }
        Failure failure = report.failure().orElseThrow();
        out.printf(ROW, "ssh says", failure.openssh());
        String label = "seed log";
        for (String line : report.seedLog()) {
            out.printf(ROW, label, line);
            label = "";
        }
        report.fixes().forEach(fix -> out.printf(ROW, "fix (" + fix.side() + ")", fix.instruction()));
    }

    private static String where(Failure failure) {
        return failure.category() + failure.direction().map(d -> " " + d).orElse("");
    }

    static String json(Outcome outcome) {
        ProbeResult result = outcome.result();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("target", result.target().toString());
        node.put("host", result.target().host());
        node.put("port", result.target().port());
        node.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
        node.put("detail", result.detail());
        result.identification().ifPresent(id -> node.put("identification", id.line()));
        node.put("exitCode", outcome.exitCode());
        node.set("clients", MAPPER.valueToTree(outcome.reports()));
        return node.toString();
    }
}
