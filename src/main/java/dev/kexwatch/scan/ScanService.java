package dev.kexwatch.scan;

import dev.kexwatch.fleet.ScanClaims;
import dev.kexwatch.fleet.ScanFinished;
import dev.kexwatch.fleet.ScanRun;
import dev.kexwatch.fleet.ScanRuns;
import dev.kexwatch.metrics.KexwatchMetrics;
import dev.kexwatch.probe.Daemons;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs scans: probes the enabled hosts a selector picks, stores each result as it arrives and judges it.
 * One scan at a time, across every replica on the database (a unique index on the running run). Replicas share
 * the running scan: each takes hosts from it through {@link ScanClaims} until none is left, so no host is
 * probed twice and a dead replica's hosts are taken over; the replica that sees the last host done ends it.
 */
@ApplicationScoped
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);

    @Inject
    BatchProber prober;

    @Inject
    ScanClaims claims;

    @Inject
    ScanRuns runs;

    @Inject
    ReplicaId instance;

    @Inject
    KexwatchMetrics metrics;

    @Inject
    ScanConfig config;

    @Inject
    Event<ScanFinished> finished;

    @Inject
    Clock clock;

    private final ExecutorService runner = Executors.newSingleThreadExecutor(Daemons.named("kexwatch-scan"));
    private final ScheduledExecutorService leases =
            Executors.newSingleThreadScheduledExecutor(Daemons.named("kexwatch-lease"));
    /** This replica's part in the running scan, null when it has none. */
    private volatile ScanProgress progress;
    private volatile CompletableFuture<Void> current = CompletableFuture.completedFuture(null);

    @PostConstruct
    void renewLeases() {
        long every = Math.max(100, config.lease().toMillis() / 3);
        leases.scheduleWithFixedDelay(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Starts a scan of the enabled hosts carrying every selector label; empty when one is running. */
    public Optional<ScanView> start(String trigger, Map<String, String> selector) {
        return begin(() -> create(trigger, selector, null));
    }

    /**
     * Takes up a scan that was interrupted (the service died), cancelled or failed, probing only the hosts it
     * has no result for yet. Empty when that scan cannot be resumed or another scan is running.
     */
    public Optional<ScanView> resume(long id) {
        return begin(() -> reopen(id));
    }

    /** Starts a scan and waits for it to end; for tests. */
    public Optional<ScanView> runNow(String trigger, Map<String, String> selector) {
        return start(trigger, selector).map(this::awaitEnd);
    }

    /**
     * Starts the scheduled scan of cron fire time {@code firedAt} and waits for it to end. Every replica's
     * scheduler fires at that time; one starts the run, the others get empty here and join it.
     */
    public Optional<ScanView> runScheduled(Instant firedAt) {
        return begin(() -> create("schedule", Map.of(), firedAt)).map(this::awaitEnd);
    }

    /** Joins the running scan another replica started, if it has hosts to take; for the poller. */
    public synchronized boolean joinRunning() {
        if (busy()) {
            return false;
        }
        Optional<ScanRun> run = inTransaction(() -> runs.running().filter(r -> {
            if (r.cancelRequested) {
                end(r.id); // its replicas are gone: nobody else will close it
                return false;
            }
            return claims.claimable(r.id);
        }).map(r -> {
            claims.renew(r.id, instance.id(), config.lease());
            return r;
        }));
        run.ifPresent(r -> {
            LOG.infof("Replica %s joins scan %d", instance.id(), r.id);
            launch(r);
        });
        return run.isPresent();
    }

    /** A scan with live progress if this replica works on it. */
    public Optional<ScanView> find(long id) {
        ScanProgress live = progress;
        return inTransaction(() -> runs.find(id).map(ScanView::of))
                .map(view -> live != null && live.scanId() == id ? view.live(live, clock.instant()) : view);
    }

    /**
     * Asks the running scan to stop, on every replica: probes in flight finish, no new one starts. False if it
     * is not running.
     */
    public boolean cancel(long id) {
        boolean asked = inTransaction(() -> runs.requestCancel(id));
        ScanProgress live = progress;
        if (asked && live != null && live.scanId() == id) {
            live.cancel();
        }
        return asked;
    }

    public boolean running() {
        return progress != null;
    }

    /** True while this replica works on a scan other than this one (the one just ended tidies up meanwhile). */
    public boolean scansOtherThan(long scanId) {
        ScanProgress live = progress;
        return live != null && live.scanId() != scanId;
    }

    /**
     * True while this replica works on a run. A run already ended in the database is only tidying up here
     * (leaving, metrics): waited for, so a scan can start right after another one ended.
     */
    private boolean busy() {
        ScanProgress live = progress;
        if (live == null) {
            return false;
        }
        boolean ended = inTransaction(() -> runs.ended(live.scanId()));
        if (ended) {
            current.join();
        }
        return !ended;
    }

    /** This replica's id among those sharing the database. */
    public String instanceId() {
        return instance.id();
    }

    private synchronized Optional<ScanView> begin(Supplier<Optional<ScanRun>> opening) {
        if (busy()) {
            return Optional.empty();
        }
        Optional<ScanRun> run = inTransaction(opening);
        run.ifPresent(this::launch);
        return run.map(ScanView::of);
    }

    private ScanView awaitEnd(ScanView started) {
        current.join();
        return find(started.id()).orElseThrow();
    }

    private Optional<ScanRun> create(String trigger, Map<String, String> selector, Instant scheduledFor) {
        if (!claims.lockStart() || runs.running().isPresent()
                || scheduledFor != null && runs.scheduledAlready(scheduledFor)) {
            return Optional.empty();
        }
        ScanRun run = runs.start(trigger, selector, clock.instant(), scheduledFor);
        run.total = claims.fill(run.id, selector);
        run.fleetHosts = claims.enabledHosts();
        claims.renew(run.id, instance.id(), config.lease());
        return Optional.of(run);
    }

    private Optional<ScanRun> reopen(long id) {
        if (!claims.lockStart() || runs.running().isPresent()) {
            return Optional.empty();
        }
        return runs.reopen(id)
                .map(r -> {
                    claims.reset(id);
                    claims.fill(id, r.selector);
                    claims.renew(id, instance.id(), config.lease());
                    return r;
                });
    }

    private void launch(ScanRun run) {
        ScanProgress live = new ScanProgress(run.id, run.total, run.done, clock.instant());
        progress = live;
        current = CompletableFuture.runAsync(() -> work(live), runner);
    }

    private void work(ScanProgress live) {
        long scanId = live.scanId();
        Instant start = clock.instant();
        boolean failed = false;
        try {
            takeHosts(live);
        } catch (RuntimeException e) {
            failed = true;
            LOG.errorf(e, "Scan %d failed on replica %s", scanId, instance.id());
        } finally {
            Duration took = Duration.between(start, clock.instant());
            boolean fail = failed;
            ScanRun.Status status = prober.retrying("leaving scan " + scanId,
                    () -> inTransaction(() -> leave(scanId, fail)));
            metrics.scanned(took);
            // Observers (gauges, matrix, cache) run before this replica counts as free: a scan started meanwhile
            // waits for them in begin() rather than queueing behind them on this one thread while already
            // "running" in the database.
            try {
                finished.fire(new ScanFinished(scanId, status, took));
            } finally {
                progress = null;
            }
            LOG.infof("Scan %d %s; replica %s took part for %s and probed %s", scanId, status, instance.id(), took,
                    live.outcomes());
        }
    }

    /** Claims hosts and probes them until the run is over, cancelled, or ended elsewhere. */
    private void takeHosts(ScanProgress live) {
        prober.probe(live.scanId(), new Claims(live), live);
    }

    /**
     * This replica's share of a run: hosts claimed as the dispatcher has room. When none is left to claim, the
     * run may be over, or other replicas hold the rest: then it waits, to take over their hosts if they die.
     */
    private final class Claims implements BatchProber.HostSource {

        private final ScanProgress live;
        private final long scanId;
        private long quietUntil;
        private long askAgainAt;

        Claims(ScanProgress live) {
            this.live = live;
            this.scanId = live.scanId();
        }

        /**
         * Never blocks and never throws: while the database is away the dispatcher must go on probing the hosts
         * it holds; claiming resumes when the database is back.
         */
        @Override
        public List<Long> claim(int max) {
            if (System.nanoTime() < quietUntil) {
                return List.of();
            }
            try {
                return claimNow(max);
            } catch (RuntimeException e) {
                LOG.warnf("Scan %d: cannot claim hosts now (%s); probing what is claimed", scanId, e.getMessage());
                quietUntil = System.nanoTime() + pause();
                return List.of();
            }
        }

        private List<Long> claimNow(int max) {
            ScanRun run = inTransaction(() -> runs.find(scanId).orElse(null));
            if (run == null || run.status != ScanRun.Status.running) {
                return List.of();
            }
            if (run.cancelRequested) {
                live.cancel();
                return List.of();
            }
            List<Long> hosts = inTransaction(
                    () -> claims.claim(scanId, instance.id(), Math.min(max, config.claimBatch()), config.lease()));
            if (hosts.isEmpty()) {
                // Nothing free: ask again only after a while, not on every turn of the dispatcher.
                quietUntil = System.nanoTime() + pause();
            }
            return hosts;
        }

        @Override
        public boolean over() {
            if (live.cancelled()) {
                return true;
            }
            if (System.nanoTime() < askAgainAt) {
                return false;
            }
            boolean over;
            try {
                over = inTransaction(() -> end(scanId) || runs.ended(scanId));
            } catch (RuntimeException e) {
                over = false; // the database is away: the run is not over, ask again later
            }
            askAgainAt = over ? 0 : System.nanoTime() + pause();
            return over;
        }

        private long pause() {
            return Math.min(200, config.lease().toMillis() / 3) * 1_000_000L;
        }
    }

    /** Hands back unprobed hosts; ends the run if it is over, or failed if this replica was its last. */
    private ScanRun.Status leave(long scanId, boolean failed) {
        claims.leave(scanId, instance.id());
        if (failed && !claims.othersAlive(scanId, instance.id())) {
            runs.fail(scanId, clock.instant());
        } else {
            end(scanId);
        }
        return runs.status(scanId);
    }

    /** Ends the run if it is over (see {@link ScanClaims#endIfOver}) and writes its summary; true if it is ended. */
    private boolean end(long scanId) {
        if (!claims.endIfOver(scanId)) {
            return false;
        }
        runs.writeSummary(scanId);
        return true;
    }

    /** Renews this replica's leases and notices a cancel asked on another replica. */
    private void heartbeat() {
        ScanProgress live = progress;
        if (live == null) {
            return;
        }
        try {
            boolean cancel = inTransaction(() -> {
                claims.renew(live.scanId(), instance.id(), config.lease());
                return runs.cancelRequested(live.scanId());
            });
            if (cancel) {
                live.cancel();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Replica %s could not renew its leases in scan %d: %s", instance.id(), live.scanId(),
                    e.getMessage());
        }
    }

    private static <T> T inTransaction(Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(work::get);
    }

    @PreDestroy
    void shutdown() {
        leases.shutdownNow();
        runner.shutdownNow();
    }
}
