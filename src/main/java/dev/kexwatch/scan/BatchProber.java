package dev.kexwatch.scan;

import dev.kexwatch.fleet.Host;
import dev.kexwatch.fleet.Hosts;
import dev.kexwatch.fleet.RefusalTolerantStore;
import dev.kexwatch.fleet.ResultStore.Probed;
import dev.kexwatch.fleet.ScanClaims;
import dev.kexwatch.metrics.KexwatchMetrics;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.probe.Daemons;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeTimings;
import dev.kexwatch.probe.Target;
import dev.kexwatch.security.ScanTargetGuard;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.smallrye.faulttolerance.api.TypedGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Probes the hosts this replica claimed in a run and stores each result as it arrives (judged, and the claim
 * marked done, in the same transaction). Storage waits out a database outage: results queue up in memory.
 */
@ApplicationScoped
class BatchProber {

    private static final Logger LOG = Logger.getLogger(BatchProber.class);
    private static final int BATCH = 500;

    @Inject
    ProbeEngine engine;

    @Inject
    RefusalTolerantStore store;

    @Inject
    KexwatchMetrics metrics;

    @Inject
    ScanConfig config;

    @Inject
    ProbeConfig probeConfig;

    @Inject
    Clock clock;

    @Inject
    ScanTargetGuard guard;

    @Inject
    ScanClaims claims;

    @Inject
    Hosts hostRows;

    private final ExecutorService dispatchers = Executors.newCachedThreadPool(Daemons.named("kexwatch-dispatch"));

    /** Where a replica's hosts of a run come from: claims taken as the dispatcher has room. */
    interface HostSource {

        /** Up to {@code max} more host ids claimed for this replica; empty when there are none right now. */
        List<Long> claim(int max);

        /** True once this replica has nothing more to do in the run. */
        boolean over();
    }

    /**
     * Probes and stores the hosts the source hands out until it is over; returns how many claimed hosts were
     * left unprobed by a cancel.
     */
    int probe(long scanId, HostSource source, ScanProgress live) {
        Map<Target, HostTarget> hosts = new ConcurrentHashMap<>();
        BlockingQueue<Probed> queue = new LinkedBlockingQueue<>();
        ProbeDispatcher.Feed feed = new ProbeDispatcher.Feed() {
            @Override
            public List<Target> take(int max) {
                List<Long> ids = source.claim(max);
                if (ids.isEmpty()) {
                    return List.of();
                }
                Map<Target, HostTarget> found;
                try {
                    found = QuarkusTransaction.requiringNew().call(() -> hostsOf(scanId, ids));
                } catch (RuntimeException e) {
                    // Never block the dispatcher: these claims lapse with their lease and are taken again.
                    LOG.warnf("Scan %d: cannot load %d claimed hosts now (%s)", scanId, ids.size(), e.getMessage());
                    return List.of();
                }
                refuseDisallowed(found, queue, live);
                hosts.putAll(found);
                return List.copyOf(found.keySet());
            }

            @Override
            public boolean exhausted() {
                return source.over();
            }
        };
        ProbeDispatcher dispatcher = new ProbeDispatcher(engine,
                new ProbeDispatcher.Limits(probeConfig.concurrency(), config.perAddress(), config.retries()));
        CompletableFuture<Integer> probing = CompletableFuture.supplyAsync(
                () -> dispatcher.run(feed, live::cancelled, result -> {
                    HostTarget host = hosts.get(result.target());
                    metrics.probed(result.outcome(), result.timings().total());
                    live.count(result.outcome());
                    queue.add(new Probed(host.id(), host.ref(), result));
                }), dispatchers);
        drainInto(scanId, queue, probing, live);
        return probing.join();
    }

    /**
     * Defence in depth: a host stored before the allowlist changed, or a name now resolving elsewhere, is not
     * probed; it gets a NOT_ALLOWED result, so the scan accounts for every host.
     */
    private void refuseDisallowed(Map<Target, HostTarget> hosts, BlockingQueue<Probed> queue, ScanProgress live) {
        hosts.entrySet().removeIf(entry -> guard.whyRefusedNow(entry.getKey().host()).map(why -> {
            ProbeResult refused = new ProbeResult(entry.getKey(), ProbeOutcome.NOT_ALLOWED, why, Optional.empty(),
                    Optional.empty(), Optional.empty(), ProbeTimings.none(Duration.ZERO), clock.instant());
            LOG.warnf("Not probing %s: %s", entry.getKey(), why);
            live.count(ProbeOutcome.NOT_ALLOWED);
            queue.add(new Probed(entry.getValue().id(), entry.getValue().ref(), refused));
            return true;
        }).orElse(false));
    }

    private void drainInto(long scanId, BlockingQueue<Probed> queue, CompletableFuture<?> probing,
            ScanProgress live) {
        List<Probed> batch = new ArrayList<>(BATCH);
        long nextLog = System.nanoTime() + config.progressLogEvery().toNanos();
        while (!(probing.isDone() && queue.isEmpty())) {
            poll(queue, batch);
            if (!batch.isEmpty()) {
                retrying("scan " + scanId + ": storing " + batch.size() + " results",
                        () -> store.store(scanId, batch)); // empties the batch as it stores
            }
            if (System.nanoTime() > nextLog) {
                LOG.infof("%s, eta %s", live, live.eta(clock.instant()).map(Duration::toString).orElse("?"));
                nextLog = System.nanoTime() + config.progressLogEvery().toNanos();
            }
        }
    }

    /**
     * Runs a database action, waiting out a database that went away (restart, failover): probing goes on
     * meanwhile, so no finished probe is lost. SmallRye Fault Tolerance retries on any exception (a rollback on a
     * connection the database closed throws a checked one past the compiler), 200 ms apart doubling to 5 s, and
     * gives up after {@code kexwatch.scan.store-retry-for}.
     */
    <T> T retrying(String what, Supplier<T> action) {
        TypedGuard<Object> guard = TypedGuard.create(Object.class).withRetry().maxRetries(-1)
                .delay(200, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                .maxDuration(config.storeRetryFor().toMillis(), ChronoUnit.MILLIS)
                .withExponentialBackoff().factor(2).maxDelay(5, ChronoUnit.SECONDS).done()
                .beforeRetry(e -> LOG.warnf("%s failed (%s); trying again", what, e.getMessage())).done().build();
        @SuppressWarnings("unchecked")
        T result = (T) guard.get(action::get);
        return result;
    }

    void retrying(String what, Runnable action) {
        retrying(what, () -> {
            action.run();
            return null;
        });
    }

    private static void poll(BlockingQueue<Probed> queue, List<Probed> batch) {
        try {
            Probed first = queue.poll(100, TimeUnit.MILLISECONDS);
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        }
    }

    /** A host to probe: its row id and what policies match on. */
    private record HostTarget(long id, HostRef ref) {
    }

    /** The claimed hosts; a host deleted since the claim has nothing to probe, so its claim is done. */
    private Map<Target, HostTarget> hostsOf(long scanId, List<Long> hostIds) {
        Map<Target, HostTarget> hosts = new HashMap<>();
        Set<Long> gone = new HashSet<>(hostIds);
        for (Host host : hostRows.existing(hostIds)) {
            hosts.put(new Target(host.address, host.port),
                    new HostTarget(host.id, new HostRef(host.address, host.port, host.labels)));
            gone.remove(host.id);
        }
        if (!gone.isEmpty()) {
            claims.done(scanId, gone);
        }
        return hosts;
    }

    @PreDestroy
    void shutdown() {
        dispatchers.shutdownNow();
    }
}
