package dev.kexwatch.scan;

import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.Target;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Hands targets to the probe engine politely: at most {@code concurrency} probes in flight overall and at
 * most {@code perAddress} against any one address (Dropbear, for one, resets connections beyond about four
 * from one source), addresses served round-robin, transient failures tried again up to {@code retries}
 * times. Plain Java: no framework, so it is tested on its own.
 */
final class ProbeDispatcher {

    /** Limits of one dispatch. */
    record Limits(int concurrency, int perAddress, int retries) {
    }

    private final ProbeEngine engine;
    private final Limits limits;
    private final Map<String, Deque<Target>> pending = new HashMap<>();
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final Map<Target, Integer> attempts = new HashMap<>();
    /** Addresses with pending targets and a free slot, served in turn. */
    private final Set<String> ready = new LinkedHashSet<>();
    private int running;
    private int remaining;

    ProbeDispatcher(ProbeEngine engine, Limits limits) {
        this.engine = engine;
        this.limits = limits;
    }

    /**
     * Probes every target once (plus retries), giving each final result to {@code sink} from any thread.
     * Returns when all are done, or, once {@code cancelled} turns true, when the probes in flight are done.
     *
     * @return the number of targets not probed because of the cancel
     */
    int run(Collection<Target> targets, BooleanSupplier cancelled, Consumer<ProbeResult> sink) {
        synchronized (this) {
            targets.forEach(t -> pending.computeIfAbsent(t.host(), h -> new ArrayDeque<>()).add(t));
            ready.addAll(pending.keySet());
            remaining = targets.size();
        }
        while (true) {
            Target next = nextTarget(cancelled);
            if (next == null) {
                synchronized (this) {
                    return remaining;
                }
            }
            engine.probe(next).thenAccept(result -> finished(next, result, sink));
        }
    }

    /** Waits for a free slot and an address under its cap; null when all is done or cancelled. */
    private synchronized Target nextTarget(BooleanSupplier cancelled) {
        while (true) {
            if (cancelled.getAsBoolean()) {
                awaitRunning();
                return null;
            }
            if (remaining == 0) {
                return null;
            }
            if (running < limits.concurrency() && !ready.isEmpty()) {
                String address = ready.iterator().next();
                ready.remove(address);
                return take(address);
            }
            waitBriefly();
        }
    }

    private Target take(String address) {
        Deque<Target> queue = pending.get(address);
        Target target = queue.poll();
        int busy = inFlight.merge(address, 1, Integer::sum);
        running++;
        if (!queue.isEmpty() && busy < limits.perAddress()) {
            ready.add(address);
        }
        return target;
    }

    private void finished(Target target, ProbeResult result, Consumer<ProbeResult> sink) {
        boolean retry;
        synchronized (this) {
            String address = target.host();
            int busy = inFlight.merge(address, -1, Integer::sum);
            int tries = attempts.merge(target, 1, Integer::sum);
            retry = result.outcome().retryable() && tries <= limits.retries();
            if (retry) {
                pending.get(address).add(target);
            } else {
                attempts.remove(target);
            }
            if (!pending.get(address).isEmpty() && busy < limits.perAddress()) {
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
                running--;
                if (!retry) {
                    remaining--;
                }
                notifyAll();
            }
        }
    }

    private void awaitRunning() {
        while (running > 0) {
            waitBriefly();
        }
    }

    private void waitBriefly() {
        try {
            wait(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("probe dispatch interrupted", e);
        }
    }
}
