package dev.kexwatch.cli;

import dev.kexwatch.cli.NegotiateCommand.Outcome;
import dev.kexwatch.negotiation.NegotiationReport;
import dev.kexwatch.probe.ProbeResult;
import java.util.Collection;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/**
 * {@code negotiate --fail-on}: what makes the exit code non-zero. {@code any} (the default) counts a target that
 * could not be probed (1) and a client that would fail (4); {@code failure} only a client that would fail, so
 * a host that is down for maintenance does not break the pipeline; {@code never} reports without gating.
 * Reports that gate (JUnit) fail exactly where the exit code does.
 */
enum NegotiationGate {
    ANY, FAILURE, NEVER;

    /** Whether this target not being probed makes the exit code non-zero. */
    boolean errs(ProbeResult result) {
        return !result.ok() && this == ANY;
    }

    /** Whether this client failing to negotiate makes the exit code non-zero. */
    boolean fails(NegotiationReport report) {
        return !report.works() && this != NEVER;
    }

    int exitCode(Outcome outcome) {
        if (!outcome.result().ok()) {
            return errs(outcome.result()) ? TargetReport.CONNECTION_ERROR : TargetReport.GOOD;
        }
        return outcome.reports().stream().anyMatch(this::fails) ? NegotiateCommand.NEGOTIATION_FAILS
                : TargetReport.GOOD;
    }

    /** The highest code over all targets. */
    int exitCode(Collection<Outcome> outcomes) {
        return outcomes.stream().mapToInt(this::exitCode).max().orElse(TargetReport.GOOD);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The lower-case words only, with a message that lists them (picocli's lists each word twice). */
    static final class Converter implements ITypeConverter<NegotiationGate> {

        @Override
        public NegotiationGate convert(String value) {
            return Words.parse(values(), value);
        }
    }
}
