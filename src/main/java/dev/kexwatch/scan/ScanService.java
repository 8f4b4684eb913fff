package dev.kexwatch.scan;

import dev.kexwatch.inventory.Host;
import dev.kexwatch.metrics.KexwatchMetrics;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeTimings;
import dev.kexwatch.probe.Target;
import dev.kexwatch.scan.ResultStore.Probed;
import dev.kexwatch.security.ScanTargetGuard;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HashSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs scans: probes the enabled hosts a selector picks, stores each result as it arrives and judges it.
 * Never two scans at once, so never two probes of one host at once: a second request is refused while one
 * runs (the database enforces the same across instances).
 */
@ApplicationScoped
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);
    private static final int BATCH = 500;

    @Inject
    ProbeEngine engine;

    @Inject
    ResultStore store;

    @Inject
    KexwatchMetrics metrics;

    @Inject
    ScanConfig config;

    @Inject
    ProbeConfig probeConfig;

    @Inject
    Event<ScanFinished> finished;

    @Inject
    Clock clock;

    @Inject
    ScanTargetGuard guard;

    private final ExecutorService runner = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "kexwatch-scan");
        t.setDaemon(true);
        return t;
    });
    private volatile ScanProgress progress;
    private volatile CompletableFuture<Void> current = CompletableFuture.completedFuture(null);

    /** Starts a scan of the enabled hosts carrying every selector label; empty when one is running. */
    public synchronized Optional<ScanView> start(String trigger, Map<String, String> selector) {
        if (progress != null) {
            return Optional.empty();
        }
        Optional<ScanRun> run = QuarkusTransaction.requiringNew().call(() -> create(trigger, selector));
        run.ifPresent(this::launch);
        return run.map(ScanView::of);
    }

    /**
     * Takes up a scan that was interrupted (the service died), cancelled or failed, probing only the hosts it
     * has no result for yet. Empty when that scan cannot be resumed or another scan is running.
     */
    public synchronized Optional<ScanView> resume(long id) {
        if (progress != null) {
            return Optional.empty();
        }
        Optional<ScanRun> run = QuarkusTransaction.requiringNew().call(() -> reopen(id));
        run.ifPresent(this::launch);
        return run.map(ScanView::of);
    }

    private Optional<ScanRun> reopen(long id) {
        return ScanRun.<ScanRun>findByIdOptional(id)
                .filter(r -> r.status != ScanRun.Status.running && r.status != ScanRun.Status.finished)
                .filter(r -> ScanRun.running().isEmpty())
                .map(r -> {
                    r.status = ScanRun.Status.running;
                    r.finishedAt = null;
                    return r;
                });
    }

    private void launch(ScanRun run) {
        progress = new ScanProgress(run.id, run.total, run.done, clock.instant());
        Map<String, String> selector = Map.copyOf(run.selector);
        current = CompletableFuture.runAsync(() -> execute(run.id, selector), runner);
    }

    /** Starts a scan and waits for it to end; for the scheduler and for tests. */
    public Optional<ScanView> runNow(String trigger, Map<String, String> selector) {
        return start(trigger, selector).map(view -> {
            current.join();
            return find(view.id()).orElseThrow();
        });
    }

    /** A scan with live progress if it is the running one. */
    public Optional<ScanView> find(long id) {
        ScanProgress live = progress;
        return QuarkusTransaction.requiringNew().call(() -> ScanRun.<ScanRun>findByIdOptional(id).map(ScanView::of))
                .map(view -> live != null && live.scanId() == id ? view.live(live, clock.instant()) : view);
    }

    /** Asks the running scan to stop: probes in flight finish, no new one starts. False if it is not running. */
    public boolean cancel(long id) {
        ScanProgress live = progress;
        if (live == null || live.scanId() != id) {
            return false;
        }
        live.cancel();
        return true;
    }

    public boolean running() {
        return progress != null;
    }

    private Optional<ScanRun> create(String trigger, Map<String, String> selector) {
        if (ScanRun.running().isPresent()) {
            return Optional.empty();
        }
        ScanRun run = new ScanRun();
        run.trigger = trigger;
        run.selector = Map.copyOf(selector);
        run.status = ScanRun.Status.running;
        run.startedAt = clock.instant();
        run.total = Host.listEnabled(selector).size();
        run.persist();
        return Optional.of(run);
    }

    private void execute(long scanId, Map<String, String> selector) {
        Instant start = clock.instant();
        ScanRun.Status status = ScanRun.Status.failed;
        try {
            status = probeAndStore(scanId, selector) ? ScanRun.Status.cancelled : ScanRun.Status.finished;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Scan %d failed", scanId);
        } finally {
            Duration took = Duration.between(start, clock.instant());
            ScanProgress ended = progress;
            ScanRun.Status last = status;
            retrying("ending scan " + scanId, () -> end(scanId, last, ended));
            metrics.scanned(took);
            progress = null;
            finished.fire(new ScanFinished(scanId, status, took));
            LOG.infof("Scan %d %s in %s: %s", scanId, status, took, ended.outcomes());
        }
    }

    /** Returns true when the scan was cancelled. */
    private boolean probeAndStore(long scanId, Map<String, String> selector) {
        Map<Target, HostTarget> hosts = QuarkusTransaction.requiringNew().call(() -> hostsOf(scanId, selector));
        BlockingQueue<Probed> queue = new LinkedBlockingQueue<>();
        ScanProgress live = progress;
        refuseDisallowed(hosts, queue, live);
        ProbeDispatcher dispatcher = new ProbeDispatcher(engine,
                new ProbeDispatcher.Limits(probeConfig.concurrency(), config.perAddress(), config.retries()));
        CompletableFuture<Integer> probing = CompletableFuture.supplyAsync(
                () -> dispatcher.run(hosts.keySet(), live::cancelled, result -> {
                    HostTarget host = hosts.get(result.target());
                    metrics.probed(result.outcome(), result.timings().total());
                    live.count(result.outcome());
                    queue.add(new Probed(host.id(), host.ref(), result));
                }), runner);
        drainInto(scanId, queue, probing);
        int skipped = probing.join();
        if (skipped > 0) {
            LOG.infof("Scan %d cancelled with %d hosts not probed", scanId, skipped);
        }
        return live.cancelled();
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

    private void drainInto(long scanId, BlockingQueue<Probed> queue, CompletableFuture<?> probing) {
        List<Probed> batch = new ArrayList<>(BATCH);
        long nextLog = System.nanoTime() + config.progressLogEvery().toNanos();
        while (!(probing.isDone() && queue.isEmpty())) {
            poll(queue, batch);
            if (!batch.isEmpty()) {
                storeSurvivingOutages(scanId, batch);
                batch.clear();
            }
            if (System.nanoTime() > nextLog) {
                LOG.infof("%s, eta %s", progress, progress.eta(clock.instant()).map(Duration::toString).orElse("?"));
                nextLog = System.nanoTime() + config.progressLogEvery().toNanos();
            }
        }
    }

    /**
     * Stores a batch, waiting out a database that went away (restart, failover): probing goes on meanwhile and
     * results queue up in memory, so no finished probe is lost. Gives up after {@code kexwatch.scan.store-retry-for}.
     */
    private void storeSurvivingOutages(long scanId, List<Probed> batch) {
        retrying("scan " + scanId + ": storing " + batch.size() + " results", () -> store.store(scanId, batch));
    }

    private void retrying(String what, Runnable action) {
        long giveUp = System.nanoTime() + config.storeRetryFor().toNanos();
        Duration pause = Duration.ofMillis(200);
        while (true) {
            try {
                action.run();
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > giveUp) {
                    throw e;
                }
                LOG.warnf("%s failed (%s); trying again in %s", what, e.getMessage(), pause);
                sleep(pause);
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0 ? Duration.ofSeconds(5)
                        : pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        }
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

    /** The hosts a scan covers, less those it already has a result for (a resumed scan). */
    private static Map<Target, HostTarget> hostsOf(long scanId, Map<String, String> selector) {
        Set<Long> done = new HashSet<>(Observation.getEntityManager().createQuery(
                "select o.hostId from Observation o where o.lastScanId = :scan", Long.class)
                .setParameter("scan", scanId).getResultList());
        Map<Target, HostTarget> hosts = new HashMap<>();
        for (Host host : Host.listEnabled(selector)) {
            if (done.contains(host.id)) {
                continue;
            }
            hosts.put(new Target(host.address, host.port),
                    new HostTarget(host.id, new HostRef(host.address, host.port, host.labels)));
        }
        return hosts;
    }

    private void end(long scanId, ScanRun.Status status, ScanProgress ended) {
        QuarkusTransaction.requiringNew().run(() -> {
            ScanRun run = ScanRun.findById(scanId);
            run.status = status;
            run.finishedAt = clock.instant();
            run.summary = summary(ended);
        });
    }

    private static Map<String, Long> summary(ScanProgress ended) {
        Map<String, Long> summary = new HashMap<>();
        ended.outcomes().forEach((outcome, n) -> summary.put("outcome." + outcome, n.longValue()));
        HostStatus.getEntityManager()
                .createQuery("select s.state, count(s) from HostStatus s group by s.state", Object[].class)
                .getResultList().forEach(row -> summary.put("state." + row[0], (Long) row[1]));
        return summary;
    }

    @PreDestroy
    void shutdown() {
        runner.shutdownNow();
    }
}
