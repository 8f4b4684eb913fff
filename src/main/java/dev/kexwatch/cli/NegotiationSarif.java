package dev.kexwatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.cli.NegotiationResults.Pair;
import dev.kexwatch.negotiation.NegotiationReport;
import dev.kexwatch.negotiation.NegotiationReport.Failure;
import dev.kexwatch.policy.Severity;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code negotiate --format sarif}: a SARIF 2.1.0 log with one result per client x target pair that would fail,
 * under a rule per kind of list ({@code no-common-mac}, ...); the message is OpenSSH's "no matching ..." line, the
 * properties carry the seed's "No common C2S mac: [S: ...] [C: ...]" lines and the fixes. Pairs that negotiate are
 * no result; targets not probed are tool notifications, as in {@code scan}.
 */
final class NegotiationSarif {

    /** The lists a negotiation can fail on, in the order OpenSSH checks them (RFC 4253 §7.1). */
    static final List<Category> LISTS = List.of(Category.KEX, Category.HOST_KEY, Category.CIPHER, Category.MAC,
            Category.COMPRESSION);
    private static final String WHY = "The client and the server have no %s algorithm in common, so the key "
            + "exchange fails and the client cannot connect at all: SSH chooses the first name on the client's list "
            + "that the server also offers, and there is none.";

    private NegotiationSarif() {
    }

    static String ruleId(Category category) {
        return "no-common-" + category.id();
    }

    static void print(PrintWriter out, NegotiationResults results) {
        ObjectNode log = SarifFormat.MAPPER.createObjectNode();
        ObjectNode run = SarifFormat.startRun(log, results.outcomes().stream().map(o -> o.result()).toList());
        ArrayNode rules = ((ObjectNode) run.get("tool").get("driver")).putArray("rules");
        for (Category list : LISTS) {
            ObjectNode rule = SarifFormat.rule(ruleId(list), Severity.HIGH, String.format(WHY, list.id()),
                    "RFC 4253 §7.1");
            // A failure to connect is about compatibility, not a weakness: no security score for code scanning.
            ObjectNode properties = (ObjectNode) rule.get("properties");
            properties.remove("security-severity");
            properties.putArray("tags").add("ssh").add("compatibility");
            rules.add(rule);
        }
        ArrayNode list = run.putArray("results");
        results.pairs().stream().filter(p -> p.report().filter(r -> !r.works()).isPresent())
                .forEach(p -> list.add(result(p)));
        out.println(SafeJson.write(SarifFormat.MAPPER, log));
    }

    private static ObjectNode result(Pair pair) {
        NegotiationReport report = pair.report().orElseThrow();
        Failure failure = report.failure().orElseThrow();
        Category category = LISTS.stream().filter(c -> c.id().equals(failure.category())).findFirst().orElseThrow();
        ObjectNode node = SarifFormat.MAPPER.createObjectNode();
        node.put("ruleId", ruleId(category));
        node.put("ruleIndex", LISTS.indexOf(category));
        node.put("level", "error");
        node.putObject("message").put("text", report.clientLabel() + " cannot connect to " + pair.target() + ": "
                + failure.openssh() + " (" + failure.seed() + ")");
        node.putArray("locations").add(SarifFormat.location(pair.outcome().result()));
        node.putObject("partialFingerprints").put("kexwatch/negotiate/v1", pair.target() + "|" + report.client()
                + "|" + failure.list());
        ObjectNode properties = node.putObject("properties");
        properties.put("client", report.client());
        properties.put("list", failure.list());
        failure.direction().ifPresent(d -> properties.put("direction", d));
        properties.put("openssh", failure.openssh());
        properties.set("seedLog", SarifFormat.MAPPER.valueToTree(report.seedLog()));
        properties.set("clientNames", SarifFormat.MAPPER.valueToTree(failure.client()));
        properties.set("serverNames", SarifFormat.MAPPER.valueToTree(failure.server()));
        properties.set("fixes", SarifFormat.MAPPER.valueToTree(report.fixes()));
        return node;
    }
}
