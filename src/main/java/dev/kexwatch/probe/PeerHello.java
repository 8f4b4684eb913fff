package dev.kexwatch.probe;

import java.time.Instant;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The probe's reader of a peer's identification line and SSH_MSG_KEXINIT (RFC 4253 §4.2, §6, §7.1), opened
 * to a listener that reads what a <em>client</em> sends first: the wire format is the same in both
 * directions, so the listener uses this one parser with its bounds, verdicts and escaping rather than a
 * second one. Not thread-safe: one instance per connection, fed from one thread.
 */
public final class PeerHello {

    private final ProbeAttempt attempt;
    private final ServerHelloReader reader;

    /**
     * @param peer the client's address and port, as the result's target
     * @param maxBytes bytes read at most before the peer is cut off with a protocol error
     */
    public PeerHello(Target peer, Instant startedAt, int maxBytes) {
        this.attempt = new ProbeAttempt(peer, startedAt);
        this.reader = new ServerHelloReader(attempt, maxBytes);
    }

    /** Reads {@code data[offset, offset + length)}; true once the reading is over (KEXINIT or a verdict). */
    public boolean feed(byte[] data, int offset, int length) {
        reader.feed(new ByteArrayBuffer(data, offset, length));
        return attempt.finished();
    }

    public boolean finished() {
        return attempt.finished();
    }

    /** The peer's time is up: a timeout named after the phase it was in. */
    public void timedOut(long millis) {
        ProbeOutcome outcome = attempt.hasIdentification() ? ProbeOutcome.TIMEOUT_KEXINIT
                : ProbeOutcome.TIMEOUT_IDENTIFICATION;
        attempt.fail(outcome, "nothing complete within " + millis + " ms " + FailureClassifier.phase(attempt)
                + " (" + attempt.bytesRead() + " bytes read)");
    }

    /** The peer closed the connection. */
    public void closed() {
        FailureClassifier.closed(attempt);
    }

    /** Reading failed (a reset, an I/O error). */
    public void failed(Throwable error) {
        FailureClassifier.afterConnect(attempt, error);
    }

    /** The result, once {@link #finished()}: the peer's lists come as the result's offer. */
    public ProbeResult result() {
        if (!attempt.finished()) {
            throw new IllegalStateException("the peer's hello is still being read");
        }
        return attempt.future().join();
    }
}
