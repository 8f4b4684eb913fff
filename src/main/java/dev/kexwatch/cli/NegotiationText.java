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
    private static final ObjectMapper MAPPER = SafeJson.mapper().findAndRegisterModules();
    private static final String ROW = "    %-18s%s%n";

    private NegotiationText() {
    }

    static void print(PrintWriter out, Outcome outcome, Colour colour) {
        ProbeResult result = outcome.result();
        out.printf("%s  %s%n", Text.safe(result.target().toString()), Text.safe(result.identification()
                .map(id -> id.line()).orElse(result.outcome().name())));
        if (!result.ok()) {
            out.printf("  not probed: %s: %s%n%n", result.outcome().message(), Text.safe(result.detail()));
            return;
        }
        outcome.reports().forEach(report -> client(out, report, colour));
        out.println();
    }

    static void client(PrintWriter out, NegotiationReport report, Colour colour) {
        out.printf("  %s: %s%n", Text.safe(report.clientLabel()), report.works() ? colour.good("negotiates")
                : colour.bad("FAILS") + " (" + report.failure().map(NegotiationText::where).orElse("") + ")");
        report.chosen().forEach((list, name) -> row(out, list.replace('_', ' '), name));
        if (report.works()) {
            row(out, "strict kex", report.strictKex() ? "on" : "off");
            return;
        }
        Failure failure = report.failure().orElseThrow();
        row(out, "ssh says", failure.openssh());
        String label = "seed log";
        for (String line : report.seedLog()) {
            row(out, label, line);
            label = "";
        }
        report.fixes().forEach(fix -> row(out, "fix (" + fix.side() + ")", fix.instruction()));
    }

    /** Names, wordings and fixes quote the server's offer: escaped before they reach a terminal. */
    private static void row(PrintWriter out, String label, String value) {
        out.printf(ROW, label, Text.safe(value));
    }

    static String where(Failure failure) {
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
        return SafeJson.write(MAPPER, node);
    }
}
