package dev.kexwatch.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kexwatch.auth.AuthResult;
import dev.kexwatch.policy.AuthMethodsJudge.AuthFinding;
import java.util.List;
import java.util.Map;

/**
 * The login methods of {@code scan --auth-methods} in the SARIF log: a result per finding on them (the policy's
 * forbid-auth-method rules, and the built-in critical {@code auth-none-accepted}), and each host's answer in the
 * run's properties ({@code authMethods}, with the JSON output's fields).
 */
final class AuthSarif {

    private AuthSarif() {
    }

    static void add(ObjectNode run, ArrayNode rules, Map<String, Integer> ruleIndex, ArrayNode results,
            List<TargetReport> reports) {
        if (reports.stream().allMatch(r -> r.auth().isEmpty())) {
            return; // not asked for: the log stays as it was without --auth-methods
        }
        ArrayNode answers = run.putObject("properties").putArray("authMethods");
        for (TargetReport report : reports) {
            report.auth().ifPresent(auth -> answers.add(answer(report, auth)));
            for (AuthFinding finding : report.authFindings()) {
                ruleIndex.computeIfAbsent(finding.ruleId(), id -> {
                    rules.add(SarifFormat.rule(id, finding.severity(), finding.rationale(), finding.source()));
                    return rules.size() - 1;
                });
                results.add(result(report, finding, ruleIndex.get(finding.ruleId())));
            }
        }
    }

    private static ObjectNode answer(TargetReport report, AuthResult auth) {
        ObjectNode node = SarifFormat.MAPPER.createObjectNode();
        node.put("target", report.result().target().toString());
        auth.methods().ifPresent(m -> {
            node.put("user", m.user());
            m.methods().forEach(node.putArray("methods")::add);
            node.put("noneAccepted", m.noneAccepted());
        });
        auth.error().ifPresent(error -> node.put("error", error));
        return node;
    }

    private static ObjectNode result(TargetReport report, AuthFinding finding, int ruleIndex) {
        String target = report.result().target().toString();
        ObjectNode node = SarifFormat.MAPPER.createObjectNode();
        node.put("ruleId", finding.ruleId());
        node.put("ruleIndex", ruleIndex);
        node.put("level", SarifFormat.level(finding.severity()));
        node.putObject("message").put("text", target + " allows login with " + String.join(", ", finding.methods())
                + ": " + finding.rationale());
        node.putArray("locations").add(SarifFormat.location(report.result()));
        node.putObject("partialFingerprints").put("kexwatch/v1", target + "|" + finding.ruleId() + "|login");
        ObjectNode properties = node.putObject("properties");
        properties.put("severity", finding.severity().id());
        properties.put("category", "login");
        finding.methods().forEach(properties.putArray("methods")::add);
        properties.put("policy", finding.policyId());
        return node;
    }
}
