package dev.kexwatch.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Judges a host's login methods (the auth-methods probe's answer) against a policy's {@code forbid-auth-method}
 * rules. Kept apart from the offer judge: a host has login methods only when it was probed for them, and the
 * findings have no KEXINIT list to point at.
 */
public final class AuthMethodsJudge {

    /** One forbidden method the host allows; {@code methods} are the offending ones, in the host's order. */
    public record AuthFinding(String policyId, String ruleId, Severity severity, List<String> methods,
            String rationale, String source) {

        public AuthFinding {
            methods = List.copyOf(methods);
        }
    }

    private AuthMethodsJudge() {
    }

    /**
     * The findings for one host: {@code methods} as the server listed them after {@code none}; {@code noneAccepted}
     * counts as allowing the method {@code none}.
     */
    public static List<AuthFinding> judge(Policy policy, List<String> methods, boolean noneAccepted) {
        List<String> allowed = new ArrayList<>(methods);
        if (noneAccepted) {
            allowed.add(0, "none");
        }
        List<AuthFinding> findings = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            if (rule.check() instanceof Check.ForbidAuthMethod forbid) {
                List<String> bad = allowed.stream().filter(forbid.methods()::contains).toList();
                if (!bad.isEmpty()) {
                    findings.add(new AuthFinding(policy.id(), rule.id(), rule.severity(), bad, rule.rationale(),
                            rule.source()));
                }
            }
        }
        return findings;
    }
}
