package dev.kexwatch.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** The rule id of the built-in check that reports a user let in with {@code none}. */
    public static final String NONE_ACCEPTED = "auth-none-accepted";

    private AuthMethodsJudge() {
    }

    /**
     * The critical finding every report makes when {@code none} let the probe user in, whatever the policy says,
     * unless a rule of its own already reported {@code none} among {@code findings}.
     */
    public static Optional<AuthFinding> noneAccepted(String policyId, boolean noneAccepted,
            List<AuthFinding> findings) {
        if (!noneAccepted || findings.stream().anyMatch(f -> f.methods().contains("none"))) {
            return Optional.empty();
        }
        return Optional.of(new AuthFinding(policyId, NONE_ACCEPTED, Severity.CRITICAL, List.of("none"),
                "The server let the probe user in with the none method, without any credential.", "RFC 4252 §5.2"));
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
