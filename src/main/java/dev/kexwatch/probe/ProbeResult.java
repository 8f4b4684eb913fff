package dev.kexwatch.probe;

import dev.kexwatch.algorithm.ServerOffer;
import java.time.Instant;
import java.util.Optional;

/**
 * What one probe of one target found. Immutable. {@code offer} is present exactly when the outcome is
 * {@link ProbeOutcome#OK}; {@code identification} whenever the server sent one, even if it failed later.
 *
 * @param detail a human sentence saying what happened, e.g. the first line of an HTTP answer
 * @param resolvedAddress the IP address connected to, when resolution succeeded
 */
public record ProbeResult(Target target, ProbeOutcome outcome, String detail, Optional<String> resolvedAddress,
        Optional<Identification> identification, Optional<ServerOffer> offer, ProbeTimings timings,
        Instant startedAt) {

    public boolean ok() {
        return outcome == ProbeOutcome.OK;
    }
}
