package dev.kexwatch.scan;

import dev.kexwatch.inventory.Host;
import dev.kexwatch.metrics.KexwatchMetrics;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.probe.ProbeEngine;
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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs scans: probes every enabled host, stores each result as it arrives and judges it. Never two scans at
 * once: a second request is refused while one runs (the database enforces the same across instances).
 */
@ApplicationScoped
public class ScanService {

    private static final Logger LOG = Logger.getLogger(ScanService.class);
    private static final int BATCH = 200;

    @Inject
    ProbeEngine engine;

    @Inject
    ResultStore store;

    @Inject
    KexwatchMetrics metrics;

    @Inject
    Event<ScanFinished> finished;

    @Inject
    Clock clock;

    @Inject
    ScanTargetGuard guard;

    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile CompletableFuture<Void> current = CompletableFuture.completedFuture(null);
    private final ExecutorService runner = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "kexwatch-scan");
        t.setDaemon(true);
        return t;
    });

    /** Starts a scan of all enabled hosts; empty when one is running already. */
    public Optional<ScanView> start(String trigger) {
        if (!busy.compareAndSet(false, true)) {
            return Optional.empty();
        }
        try {
            Optional<ScanRun> run = QuarkusTransaction.requiringNew().call(() -> create(trigger));
            run.ifPresentOrElse(r -> current = CompletableFuture.runAsync(() -> execute(r.id), runner),
                    () -> busy.set(false));
            return run.map(ScanView::of);
        } catch (RuntimeException e) {
            busy.set(false);
            throw e;
        }
    }

    /** Starts a scan and waits for it to end; for the scheduler and for tests. */
    public Optional<ScanView> runNow(String trigger) {
        return start(trigger).map(view -> {
            current.join();
            return QuarkusTransaction.requiringNew().call(() -> ScanView.of(ScanRun.findById(view.id())));
        });
    }

    public boolean running() {
        return busy.get();
    }

    private Optional<ScanRun> create(String trigger) {
        if (ScanRun.running().isPresent()) {
            return Optional.empty();
        }
        ScanRun run = new ScanRun();
        run.trigger = trigger;
        run.status = ScanRun.Status.running;
        run.startedAt = clock.instant();
        run.total = (int) Host.count("enabled", true);
        run.persist();
        return Optional.of(run);
    }

    private void execute(long scanId) {
        Instant start = clock.instant();
        ScanRun.Status status = ScanRun.Status.failed;
        try {
            probeAndStore(scanId);
            status = ScanRun.Status.finished;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Scan %d failed", scanId);
        } finally {
            Duration took = Duration.between(start, clock.instant());
            end(scanId, status);
            metrics.scanned(took);
            busy.set(false);
            finished.fire(new ScanFinished(scanId, status, took));
            LOG.infof("Scan %d %s in %s", scanId, status, took);
        }
    }

    private void probeAndStore(long scanId) {
        Map<Target, HostTarget> hosts = QuarkusTransaction.requiringNew().call(ScanService::enabledHosts);
        // Defence in depth: a host stored before the allowlist changed, or a name now resolving elsewhere.
        hosts.keySet().removeIf(target -> guard.skipInScan(target.host()));
        BlockingQueue<Probed> queue = new LinkedBlockingQueue<>();
        CompletableFuture<Void> probing = CompletableFuture.runAsync(() -> engine.probeAll(hosts.keySet(), result -> {
            HostTarget host = hosts.get(result.target());
            metrics.probed(result.outcome(), result.timings().total());
            queue.add(new Probed(host.id(), host.ref(), result));
        }), runner);
        List<Probed> batch = new ArrayList<>(BATCH);
        while (!(probing.isDone() && queue.isEmpty())) {
            drain(queue, batch);
            if (!batch.isEmpty()) {
                store.store(scanId, batch);
                batch.clear();
            }
        }
        probing.join();
    }

    private static void drain(BlockingQueue<Probed> queue, List<Probed> batch) {
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

    private static Map<Target, HostTarget> enabledHosts() {
        Map<Target, HostTarget> hosts = new HashMap<>();
        for (Host host : Host.listEnabled()) {
            hosts.put(new Target(host.address, host.port),
                    new HostTarget(host.id, new HostRef(host.address, host.port, host.labels)));
        }
        return hosts;
    }

    private void end(long scanId, ScanRun.Status status) {
        QuarkusTransaction.requiringNew().run(() -> {
            ScanRun run = ScanRun.findById(scanId);
            run.status = status;
            run.finishedAt = clock.instant();
        });
    }

    @PreDestroy
    void shutdown() {
        runner.shutdownNow();
    }
}
