package dev.kexwatch.scan;

import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Hands targets to the probe engine politely: at most {@code concurrency} probes working overall (a probe whose
 * host has been silent for {@link ProbeEngine#STALL_AFTER} only waits, and makes room for another, up to
 * {@link ProbeSettings#maxInFlight(int)} in flight: a fleet with many dead hosts is not scanned at their pace) and at
 * most {@code perAddress} in flight against any one address (Dropbear, for one, resets connections beyond about four
 * from one source), addresses served round-robin, transient failures tried again up to {@code retries}
 * times. Targets come from a {@link Feed} as slots free up, so one slow host never holds others back. Plain
 * Java: no framework, so it is tested on its own.
 */
final class ProbeDispatcher {

    /** Limits of one dispatch. */
    record Limits(int concurrency, int perAddress, int retries) {
    }

    /** Where targets come from: a fixed list, or a scan's hosts claimed as slots free up. */
    interface Feed {

        /** Up to {@code max} more targets; empty when there are none right now. */
        List<Target> take(int max);

        /** True once no target will ever come again; asked only when nothing is pending or in flight. */
        boolean exhausted();

        static Feed of(Collection<Target> targets) {
            Deque<Target> left = new ArrayDeque<>(targets);
            return new Feed() {
                @Override
                public synchronized List<Target> take(int max) {
                    List<Target> some = new ArrayList<>();
                    while (some.size() < max && !left.isEmpty()) {
                        some.add(left.poll());
                    }
                    return some;
                }

                @Override
                public synchronized boolean exhausted() {
                    return left.isEmpty();
                }
            };
        }
    }

    private final ProbeEngine engine;
    private final Limits limits;
    private final Map<String, Deque<Target>> pending = new HashMap<>();
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final Map<Target, Integer> attempts = new HashMap<>();
    /** Addresses with pending targets and a free slot, served in turn. */
    private final Set<String> ready = new LinkedHashSet<>();
    private int waiting;
    private int running;
    /** Probes in flight that no longer count against {@code concurrency}: their hosts keep them waiting. */
    private int stalled;
    private final int maxInFlight;
    /** The fewest targets a take asks for (see {@link #refill}). */
    private final int chunk;

    ProbeDispatcher(ProbeEngine engine, Limits limits) {
        this.engine = engine;
        this.limits = limits;
        this.maxInFlight = ProbeSettings.maxInFlight(limits.concurrency());
        this.chunk = Math.max(1, Math.min(32, limits.concurrency() / 8));
    }

    /** Probes a fixed set of targets; see {@link #run(Feed, BooleanSupplier, Consumer)}. */
    int run(Collection<Target> targets, BooleanSupplier cancelled, Consumer<ProbeResult> sink) {
        return run(Feed.of(targets), cancelled, sink);
    }

    /**
     * Probes every target the feed gives once (plus retries), giving each final result to {@code sink} from
     * any thread. Returns when the feed is exhausted and all are done, or, once {@code cancelled} turns true,
     * when the probes in flight are done.
     *
     * @return the number of targets taken from the feed but not probed because of the cancel
     */
    int run(Feed feed, BooleanSupplier cancelled, Consumer<ProbeResult> sink) {
        while (true) {
            if (cancelled.getAsBoolean()) {
                return afterCancel();
            }
            refill(feed);
            boolean launched = false;
            for (Target next = nextTarget(); next != null; next = nextTarget()) {
                Target target = next;
                AtomicBoolean working = new AtomicBoolean(true);
                engine.probe(target, () -> stalled(working)).thenAccept(result -> finished(target, working, result,
                        sink));
                launched = true;
            }
            if (!launched) {
                if (idle() && feed.exhausted()) {
                    return 0;
                }
                waitBriefly();
            }
        }
    }

    /**
     * Takes what can start now plus at most one chunk that starts as slots free up, and only a chunk or more at a
     * time: each take is a claim (three transactions), and claiming the slot or two each finished probe freed cost
     * ~10 s of CPU in a 100,000-host scan. Targets held longer would be claims other replicas could have probed.
     */
    private void refill(Feed feed) {
        int room;
        synchronized (this) {
            room = limits.concurrency() + chunk - running - waiting;
        }
        if (room >= chunk) {
            List<Target> more = feed.take(room);
            synchronized (this) {
                more.forEach(this::enqueue);
            }
        }
    }

    private void enqueue(Target target) {
        String address = target.addressKey();
        pending.computeIfAbsent(address, a -> new ArrayDeque<>()).add(target);
        waiting++;
        if (inFlight.getOrDefault(address, 0) < limits.perAddress()) {
            ready.add(address);
        }
    }

    /** A target that may start now (a free slot, an address under its cap); null when none may. */
    private synchronized Target nextTarget() {
        if (running >= limits.concurrency() || running + stalled >= maxInFlight || ready.isEmpty()) {
            return null;
        }
        String address = ready.iterator().next();
        ready.remove(address);
        Deque<Target> queue = pending.get(address);
        Target target = queue.poll();
        waiting--;
        int busy = inFlight.merge(address, 1, Integer::sum);
        running++;
        if (!queue.isEmpty() && busy < limits.perAddress()) {
            ready.add(address);
        }
        return target;
    }

    private synchronized boolean idle() {
        return waiting == 0 && running == 0 && stalled == 0;
    }

    /** The probe only waits on its host now: its working slot goes to the next target. */
    private synchronized void stalled(AtomicBoolean working) {
        if (working.compareAndSet(true, false)) {
            running--;
            stalled++;
            notifyAll();
        }
    }

    private void finished(Target target, AtomicBoolean working, ProbeResult result, Consumer<ProbeResult> sink) {
        boolean retry;
        synchronized (this) {
            String address = target.addressKey();
            inFlight.merge(address, -1, Integer::sum);
            int tries = attempts.merge(target, 1, Integer::sum);
            retry = result.outcome().retryable() && tries <= limits.retries();
            if (retry) {
                pending.get(address).add(target);
                waiting++;
            } else {
                attempts.remove(target);
            }
            if (!pending.get(address).isEmpty()) {
                ready.add(address);
            }
        }
        try {
            if (!retry) {
                sink.accept(result);
            }
        } finally {
            // The slot is free only once the sink has the result, so run() never returns ahead of it.
            synchronized (this) {
                if (working.compareAndSet(true, false)) {
                    running--;
                } else {
                    stalled--;
                }
                notifyAll();
            }
        }
    }

    private synchronized int afterCancel() {
        while (running + stalled > 0) {
            waitBriefly();
        }
        return waiting;
    }

    private synchronized void waitBriefly() {
        try {
            wait(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("probe dispatch interrupted", e);
        }
    }
}
