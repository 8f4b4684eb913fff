package dev.kexwatch.listen;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.probe.Identification;
import java.time.Instant;
import java.util.Optional;

/**
 * What the listener learned from one client connection. Immutable; {@code lists} is present exactly when the
 * outcome is {@link ListenOutcome#CAPTURED}.
 *
 * @param peer the client's address and port, {@code 127.0.0.1:50522} or {@code [::1]:50522}
 * @param detail a sentence saying what happened; client text in it is escaped
 * @param lists the ten name-lists of the client's SSH_MSG_KEXINIT, verbatim and in order (the record is
 *        named for servers, but holds any peer's KEXINIT)
 */
public record Capture(String peer, ListenOutcome outcome, String detail, Optional<Identification> identification,
        Optional<ServerOffer> lists, Instant capturedAt) {

    public boolean captured() {
        return outcome == ListenOutcome.CAPTURED;
    }
}
