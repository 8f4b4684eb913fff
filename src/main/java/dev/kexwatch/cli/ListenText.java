package dev.kexwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.listen.Capture;
import dev.kexwatch.listen.ClientReview;
import dev.kexwatch.listen.ProfileFile;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Finding;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/** How {@code kexwatch listen} prints a captured client: a block for people, or one JSON object a line. */
final class ListenText {

    private static final ObjectMapper MAPPER = SafeJson.mapper();

    private ListenText() {
    }

    /** {@code peer}, {@code identification} and {@code lists} as {@code scan --json}, the policy, the profile. */
    static String json(ClientReview review) {
        Capture capture = review.capture();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("peer", capture.peer());
        node.put("outcome", capture.outcome().name());
        node.put("capturedAt", capture.capturedAt().toString());
        capture.identification().ifPresent(id -> node.set("identification", JsonFormat.identification(id)));
        capture.lists().ifPresent(lists -> node.set("lists", JsonFormat.lists(lists)));
        ObjectNode policy = JsonFormat.policy(review.evaluation(), Optional.empty());
        ArrayNode findings = (ArrayNode) policy.get("findings");
        for (int i = 0; i < findings.size(); i++) {
            ((ObjectNode) findings.get(i)).put("remediation", review.remediation().get(i));
        }
        node.set("policy", policy);
        node.set("profile", MAPPER.valueToTree(ProfileFile.fields(review.profile())));
        return SafeJson.write(MAPPER, node);
    }

    static void print(PrintWriter out, ClientReview review) {
        Capture capture = review.capture();
        ClientProfile profile = review.profile();
        out.println(Text.safe(capture.peer()) + "  " + Text.safe(capture.identification().orElseThrow().line()));
        out.println("  profile " + Text.safe(profile.id()) + " (" + Text.safe(profile.name()) + " "
                + Text.safe(profile.version()) + "), captured " + capture.capturedAt());
        for (KexList list : KexList.values()) {
            out.printf("  %-16s %s%n", list.key(), Text.safe(String.join(",", capture.lists().orElseThrow().get(list))));
        }
        Evaluation evaluation = review.evaluation();
        out.println("  policy " + evaluation.policyId() + " " + evaluation.policyVersion() + ": "
                + (evaluation.compliant() ? "compliant" : evaluation.findings().size() + " finding(s)"));
        for (int i = 0; i < evaluation.findings().size(); i++) {
            Finding finding = evaluation.findings().get(i);
            out.println("    " + finding.severity().id().toUpperCase(Locale.ROOT) + "  " + finding.ruleId() + "  "
                    + finding.category().id() + finding.direction().map(d -> " " + d.id()).orElse("") + ": "
                    + Text.safe(String.join(",", finding.names())));
            out.println("      fix: " + Text.safe(review.remediation().get(i)));
        }
        out.println();
    }
}
