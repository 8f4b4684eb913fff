package dev.kexwatch.cli;

import dev.kexwatch.auth.AuthResult;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.policy.AuthMethodsJudge.AuthFinding;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.HostRemediation;
import dev.kexwatch.policy.Severity;
import dev.kexwatch.probe.ProbeResult;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One target's probe result and, when it could be judged, the policy's verdict and the host's remediation (an
 * SSH-1-only server is judged on its identification alone: a responding host with a finding, not a connection error),
 * the deep handshake's result under {@code scan --deep} (judged within the evaluation), and the login methods under
 * {@code scan --auth-methods} with the policy's verdict on them.
 */
record TargetReport(ProbeResult result, Optional<Evaluation> evaluation, Optional<HostRemediation> remediation,
        Optional<DeepResult> deep, Optional<AuthResult> auth, List<AuthFinding> authFindings) {

    TargetReport(ProbeResult result, Optional<Evaluation> evaluation, Optional<HostRemediation> remediation) {
        this(result, evaluation, remediation, Optional.empty());
    }

    TargetReport(ProbeResult result, Optional<Evaluation> evaluation, Optional<HostRemediation> remediation,
            Optional<DeepResult> deep) {
        this(result, evaluation, remediation, deep, Optional.empty(), List.of());
    }

    /** The same report with the host's auth-methods probe (scan --auth-methods) and the policy's verdict on it. */
    TargetReport withAuth(AuthResult probed, List<AuthFinding> findings) {
        return new TargetReport(result, evaluation, remediation, deep, Optional.of(probed), List.copyOf(findings));
    }

    /** The worst finding, offer and login methods together. */
    private Optional<Severity> worstFinding() {
        return Stream.concat(evaluation.flatMap(Evaluation::worst).stream(),
                authFindings.stream().map(AuthFinding::severity)).max(Comparator.naturalOrder());
    }

    /** ssh-audit's exit codes: 0 good, 1 connection error, 2 warnings, 3 failures. */
    static final int GOOD = 0;
    static final int CONNECTION_ERROR = 1;
    static final int WARNING = 2;
    static final int FAILURE = 3;

    /**
     * This target's exit code. HIGH and CRITICAL findings are failures, LOW and MEDIUM warnings (ssh-audit's
     * fail and warn); INFO findings leave a target good.
     */
    int exitCode() {
        return exitCode(Optional.empty());
    }

    /**
     * This target's exit code under {@code --fail-on}: findings below the threshold leave the target good; at or
     * above it, the code is ssh-audit's for the worst finding (2 or 3). No threshold: every finding but INFO counts.
     * A host that answered without a usable offer but was judged anyway (SSH-1 only) is judged, not a connection error.
     */
    int exitCode(Optional<Severity> failOn) {
        if (!result.ok() && evaluation.flatMap(Evaluation::worst).isEmpty()) {
            return CONNECTION_ERROR;
        }
        Optional<Severity> worst = worstFinding();
        if (failOn.isPresent() && worst.filter(w -> w.compareTo(failOn.get()) >= 0).isEmpty()) {
            return GOOD;
        }
        return worst.map(TargetReport::codeFor).orElse(GOOD);
    }

    private static int codeFor(Severity worst) {
        return switch (worst) {
            case HIGH, CRITICAL -> FAILURE;
            case LOW, MEDIUM -> WARNING;
            case INFO -> GOOD;
        };
    }

    /** The worst code over all targets, as ssh-audit reports a multi-target run. */
    static int worst(Collection<TargetReport> reports) {
        return worst(reports, Optional.empty());
    }

    static int worst(Collection<TargetReport> reports, Optional<Severity> failOn) {
        return reports.stream().mapToInt(report -> report.exitCode(failOn)).max().orElse(GOOD);
    }
}
