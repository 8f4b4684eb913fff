package dev.kexwatch.probe;

import dev.kexwatch.algorithm.ServerOffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.session.Session;

/**
 * The state of one probe while it runs. MINA calls in from its I/O threads and the deadline from the
 * engine's timer, so every transition is guarded and the first one to finish the probe wins.
 */
final class ProbeAttempt {

    private final Target target;
    private final Instant startedAt;
    private final long startNanos = System.nanoTime();
    private final CompletableFuture<ProbeResult> future = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicLong bytesRead = new AtomicLong();
    private final int maxPreIdentLines;
    private volatile List<String> preIdentLines = List.of();
    private volatile int droppedPreIdentLines;
    private volatile String firstLine;
    private volatile String resolvedAddress;
    private volatile Duration connected;
    private volatile Duration identified;
    private volatile Duration kexinitReceived;
    private volatile String identLine;
    private volatile Session session;
    private volatile Runnable onFinish = () -> { };
    private volatile Future<?> deadlineTask;

    ProbeAttempt(Target target, Instant startedAt, int maxPreIdentLines) {
        this.target = target;
        this.startedAt = startedAt;
        this.maxPreIdentLines = maxPreIdentLines;
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

    void deadlineTask(Future<?> task) {
        deadlineTask = task;
    }

    /** What to do when the probe ends, e.g. cancel a pending connect. */
    void onFinish(Runnable action) {
        onFinish = action;
    }

    void connected(Session s) {
        connected = elapsed();
        session = s;
        if (finished()) {
            s.close(true);
        }
    }

    boolean isConnected() {
        return connected != null;
    }

    boolean hasIdentification() {
        return identLine != null;
    }

    /** Counts bytes off the wire; false once the per-host cap is passed. */
    boolean countBytes(int n, long cap) {
        return bytesRead.addAndGet(n) <= cap;
    }

    long bytesRead() {
        return bytesRead.get();
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

    /** The identification line and the lines before it, of which a bounded number is kept. */
    void identification(String line, List<String> before) {
        if (identLine != null) {
            return;
        }
        int kept = Math.min(before.size(), maxPreIdentLines);
        preIdentLines = List.copyOf(before.subList(0, kept));
        droppedPreIdentLines = before.size() - kept;
        identified = elapsed();
        identLine = line;
    }

    Optional<Identification> identification() {
        return Optional.ofNullable(identLine)
                .map(line -> new Identification(line, preIdentLines, droppedPreIdentLines));
    }

    /** The server's KEXINIT arrived: the probe is done. */
    void kexinit(List<String> rawLists) {
        kexinitReceived = elapsed();
        finish(ProbeOutcome.OK, "identification and KEXINIT received", Optional.of(ServerOffer.fromRaw(rawLists)));
    }

    void fail(ProbeOutcome outcome, String detail) {
        finish(outcome, detail, Optional.empty());
    }

    private void finish(ProbeOutcome outcome, String detail, Optional<ServerOffer> offer) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        Future<?> task = deadlineTask;
        if (task != null) {
            task.cancel(false);
        }
        Session s = session;
        if (s != null) {
            s.close(true);
        }
        onFinish.run();
        ProbeTimings timings = new ProbeTimings(Optional.ofNullable(connected), Optional.ofNullable(identified),
                Optional.ofNullable(kexinitReceived), elapsed());
        future.complete(new ProbeResult(target, outcome, detail, Optional.ofNullable(resolvedAddress),
                identification(), offer, timings, startedAt));
    }

    private Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
