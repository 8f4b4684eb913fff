package dev.kexwatch.scan;

import dev.kexwatch.probe.ProbeOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Live progress of the running scan: kept in memory, read by REST and the log. */
final class ScanProgress {

    private final long scanId;
    private final int total;
    private final Instant started;
    private final Map<ProbeOutcome, AtomicInteger> outcomes = new EnumMap<>(ProbeOutcome.class);
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final int resumedAt;

    /** {@code alreadyDone} is non-zero for a resumed scan: the results stored before it stopped. */
    ScanProgress(long scanId, int total, int alreadyDone, Instant started) {
        this.scanId = scanId;
        this.total = total;
        this.started = started;
        this.resumedAt = alreadyDone;
        this.done.set(alreadyDone);
        for (ProbeOutcome outcome : ProbeOutcome.values()) {
            outcomes.put(outcome, new AtomicInteger());
        }
    }

    long scanId() {
        return scanId;
    }

    void count(ProbeOutcome outcome) {
        outcomes.get(outcome).incrementAndGet();
        done.incrementAndGet();
    }

    void cancel() {
        cancelled.set(true);
    }

    boolean cancelled() {
        return cancelled.get();
    }

    int done() {
        return done.get();
    }

    Map<String, Integer> outcomes() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        outcomes.forEach((o, n) -> {
            if (n.get() > 0) {
                counts.put(o.name(), n.get());
            }
        });
        return counts;
    }

    /** Linear: the rate so far applied to what is left. Empty until the first result. */
    Optional<Duration> eta(Instant now) {
        int finished = done.get();
        int sinceStart = finished - resumedAt;
        if (sinceStart <= 0) {
            return Optional.empty();
        }
        Duration elapsed = Duration.between(started, now);
        return Optional.of(elapsed.multipliedBy(total - finished).dividedBy(sinceStart));
    }

    @Override
    public String toString() {
        return "scan " + scanId + ": " + done.get() + "/" + total + " " + outcomes();
    }
}
