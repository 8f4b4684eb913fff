package dev.kexwatch.probe;

import dev.kexwatch.algorithm.ServerOffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
    private final List<String> preIdentLines = new ArrayList<>();
    private final int maxPreIdentLines;
    private volatile String resolvedAddress;
    private volatile Duration connected;
    private volatile Duration identified;
    private volatile Duration kexinitReceived;
    private volatile String identLine;
    private volatile int preIdentLineCount;
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

    synchronized void preIdentificationLine(String line) {
        preIdentLineCount++;
        if (preIdentLines.size() < maxPreIdentLines) {
            preIdentLines.add(line);
        }
    }

    synchronized Optional<String> firstLine() {
        return preIdentLines.isEmpty() ? Optional.empty() : Optional.of(preIdentLines.get(0));
    }

    void identification(String line) {
        identified = elapsed();
        identLine = line;
    }

    Optional<Identification> identification() {
        if (identLine == null) {
            return Optional.empty();
        }
        synchronized (this) {
            return Optional.of(new Identification(identLine, preIdentLines, preIdentLineCount - preIdentLines.size()));
        }
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
