package dev.kexwatch.probe;

import dev.kexwatch.algorithm.ServerOffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.sshd.common.io.IoSession;

/**
 * The state of one probe while it runs. MINA calls in from its I/O threads and the deadline from the
 * engine's deadline thread, so every transition is guarded and the first one to finish the probe wins.
 */
final class ProbeAttempt {

    /** Told when the probe reaches a step, to start that step's deadline. */
    interface Steps {
        Steps NONE = new Steps() {
            @Override
            public void connected(ProbeAttempt attempt) {
            }

            @Override
            public void identified(ProbeAttempt attempt) {
            }
        };

        void connected(ProbeAttempt attempt);

        void identified(ProbeAttempt attempt);
    }

    private final Target target;
    private final Instant startedAt;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<ProbeResult> future = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile long bytesRead;
    private volatile List<String> preIdentLines = List.of();
    private volatile int droppedPreIdentLines;
    private volatile String firstLine;
    private volatile String resolvedAddress;
    private volatile Duration connected;
    private volatile Duration identified;
    private volatile Duration kexinitReceived;
    private volatile String identLine;
    private volatile AsynchronousSocketChannel channel;
    private volatile IoSession session;
    private final List<DeadlineQueue.Entry> deadlines = new ArrayList<>(4);
    private final Steps steps;
    private final AtomicBoolean waiting = new AtomicBoolean();
    private volatile Runnable onStall = () -> { };

    ProbeAttempt(Target target, Instant startedAt) {
        this(target, startedAt, Steps.NONE);
    }

    ProbeAttempt(Target target, Instant startedAt, Steps steps) {
        this.target = target;
        this.startedAt = startedAt;
        this.steps = steps;
    }

    CompletableFuture<ProbeResult> future() {
        return future;
    }

    Target target() {
        return target;
    }

    boolean finished() {
        return finished.get();
    }

    void resolved(String address) {
        resolvedAddress = address;
    }

    /** One more clock on this probe; all are let go of when it finishes. */
    void deadline(DeadlineQueue.Entry entry) {
        synchronized (deadlines) {
            deadlines.add(entry);
        }
        if (finished()) {
            entry.clear();
        }
    }

    /** Runs {@code action} once if the probe is still running {@link ProbeEngine#STALL_AFTER} after its start. */
    void onStall(Runnable action) {
        onStall = action;
    }

    /** From the stall clock: the probe has run long enough to be only waiting on its host. */
    void stalled() {
        if (!finished() && waiting.compareAndSet(false, true)) {
            onStall.run();
        }
    }

    /** The socket being connected; closed when the probe ends before MINA has a session on it. */
    void channel(AsynchronousSocketChannel c) {
        channel = c;
        if (finished()) {
            ProbeConnector.closeQuietly(c);
        }
    }

    AsynchronousSocketChannel channel() {
        return channel;
    }

    void connected(IoSession s) {
        connected = elapsed();
        session = s;
        if (finished()) {
            s.close(true);
        } else {
            steps.connected(this);
        }
    }

    boolean isConnected() {
        return connected != null;
    }

    boolean hasIdentification() {
        return identLine != null;
    }

    /** Bytes read off the wire so far, for timeout messages. */
    void bytesRead(long n) {
        bytesRead = n;
    }

    long bytesRead() {
        return bytesRead;
    }

    /** The first line the server sent, kept to show what a non-SSH service said. */
    void firstLineIfNone(String line) {
        if (firstLine == null) {
            firstLine = line;
        }
    }

    Optional<String> firstLine() {
        return Optional.ofNullable(firstLine);
    }

    /** The identification line, the lines before it that were kept, and how many more there were. */
    void identification(String line, List<String> kept, int dropped) {
        if (identLine != null) {
            return;
        }
        preIdentLines = List.copyOf(kept);
        droppedPreIdentLines = dropped;
        identified = elapsed();
        identLine = line;
        steps.identified(this);
    }

    Optional<Identification> identification() {
        return Optional.ofNullable(identLine)
                .map(line -> new Identification(line, preIdentLines, droppedPreIdentLines));
    }

    /** The server's KEXINIT arrived: the probe is done. */
    void kexinit(List<List<String>> nameLists) {
        kexinitReceived = elapsed();
        finish(ProbeOutcome.OK, "identification and KEXINIT received", Optional.of(ServerOffer.of(nameLists)));
    }

    void fail(ProbeOutcome outcome, String detail) {
        finish(outcome, detail, Optional.empty());
    }

    private void finish(ProbeOutcome outcome, String detail, Optional<ServerOffer> offer) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        synchronized (deadlines) {
            deadlines.forEach(DeadlineQueue.Entry::clear); // queued until due, but no longer holding this probe
        }
        close();
        ProbeTimings timings = new ProbeTimings(Optional.ofNullable(connected), Optional.ofNullable(identified),
                Optional.ofNullable(kexinitReceived), elapsed());
        future.complete(new ProbeResult(target, outcome, detail, Optional.ofNullable(resolvedAddress),
                identification(), offer, timings, startedAt));
    }

    /** A session closes its channel too and tells MINA; a connect still pending has only the channel. */
    private void close() {
        IoSession s = session;
        if (s != null) {
            s.close(true);
        } else {
            ProbeConnector.closeQuietly(channel);
        }
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
