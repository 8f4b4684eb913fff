package dev.kexwatch.cli;

import dev.kexwatch.auth.AuthMethodsProbe;
import dev.kexwatch.auth.AuthResult;
import dev.kexwatch.policy.AuthMethodsJudge;
import dev.kexwatch.policy.AuthMethodsJudge.AuthFinding;
import dev.kexwatch.policy.Policy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scan --auth-methods}: after the algorithm scan, one {@code none} login attempt per host that answered with an
 * offer, one host at a time (a login attempt per host is what an operator opted into; no burst of them).
 */
final class AuthMethodsStep {

    private AuthMethodsStep() {
    }

    static List<TargetReport> probe(List<TargetReport> reports, String user, Duration timeout, Policy policy) {
        try (AuthMethodsProbe probe = new AuthMethodsProbe(timeout)) {
            return reports.stream().map(report -> report.result().offer().isEmpty() ? report
                    : judged(report, probe.attempt(report.result().target(), user), policy)).toList();
        }
    }

    private static TargetReport judged(TargetReport report, AuthResult probed, Policy policy) {
        List<AuthFinding> findings = new ArrayList<>(probed.methods()
                .map(m -> AuthMethodsJudge.judge(policy, m.methods(), m.noneAccepted())).orElse(List.of()));
        probed.methods().flatMap(m -> AuthMethodsJudge.noneAccepted(policy.id(), m.noneAccepted(), findings))
                .ifPresent(findings::add);
        return report.withAuth(probed, findings);
    }
}
