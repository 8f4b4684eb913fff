package dev.kexwatch.cli;

import dev.kexwatch.auth.AuthMethodsProbe;
import java.time.Duration;
import java.util.List;

/**
 * {@code scan --auth-methods}: after the algorithm scan, one {@code none} login attempt per host that answered with an
 * offer, one host at a time (a login attempt per host is what an operator opted into; no burst of them).
 */
final class AuthMethodsStep {

    private AuthMethodsStep() {
    }

    static List<TargetReport> probe(List<TargetReport> reports, String user, Duration timeout) {
        try (AuthMethodsProbe probe = new AuthMethodsProbe(timeout)) {
            return reports.stream().map(report -> report.result().offer().isEmpty() ? report
                    : report.withAuth(probe.attempt(report.result().target(), user))).toList();
        }
    }
}
