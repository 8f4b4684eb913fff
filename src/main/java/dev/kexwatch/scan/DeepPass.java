package dev.kexwatch.scan;

import dev.kexwatch.fleet.DeepStore;
import dev.kexwatch.fleet.DeepStore.Candidate;
import dev.kexwatch.fleet.HostStatusChanged;
import dev.kexwatch.fleet.ResultStore;
import dev.kexwatch.fleet.ScanFinished;
import dev.kexwatch.hostkey.DeepProber;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.probe.Daemons;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The deep handshake on its own cadence: after a scan, the hosts it found answering whose deep handshake is due
 * (see {@link DeepConfig}) get one. The pass runs on its own thread, so the replica is free for the next scan at
 * once (a pass over a thousand slow hosts must not hold up a scan someone asked for); it gives way to that scan:
 * once this replica scans again, it starts no further deep handshake, and the hosts it left are due in the next
 * pass. So deep and KEXINIT connections meet on one address only for the deep handshakes already in flight (one
 * per address, each within {@code kexwatch.deep.timeout}); hosts on one address go one after another.
 * The KEXINIT result is stored already: a failed deep handshake is a stored result with named outcomes, and a
 * host whose deep pass breaks keeps its scan result.
 */
@ApplicationScoped
public class DeepPass {

    private static final Logger LOG = Logger.getLogger(DeepPass.class);

    @Inject
    DeepConfig config;

    @Inject
    DeepStore store;

    @Inject
    ResultStore results;

    @Inject
    Event<HostStatusChanged> changed;

    @Inject
    Clock clock;

    @Inject
    ScanService scans;

    private final ExecutorService passes = Executors.newSingleThreadExecutor(Daemons.named("kexwatch-deep-pass"));
    private volatile CompletableFuture<Integer> last = CompletableFuture.completedFuture(0);

    /** Observed on the scan's thread: only hands the pass to its own thread. */
    void onScan(@Observes ScanFinished event) {
        if (config.enabled()) {
            start(event.scanId());
        }
    }

    /** Queues the pass after the scan; completes with the number of hosts it probed, once it and those before ended. */
    synchronized CompletableFuture<Integer> start(long scanId) {
        last = CompletableFuture.supplyAsync(() -> run(scanId), passes).exceptionally(e -> {
            LOG.warnf("Deep pass after scan %d stopped: %s", scanId, e.getMessage()); // the database is away
            return 0;
        });
        return last;
    }

    /** A stopping service abandons the pass in flight: its unprobed hosts are unclaimed, so due in the next. */
    @PreDestroy
    void shutdown() {
        passes.shutdownNow();
    }

    /** The latest pass queued (passes run one after another); for tests that read its results. */
    public CompletableFuture<Integer> lastPass() {
        return last;
    }

    /** Deep-probes the due hosts that answered in the scan until this replica scans again; returns how many. */
    private int run(long scanId) {
        Map<String, List<Candidate>> byAddress = store.answeredIn(scanId)
                .stream().collect(Collectors.groupingBy(Candidate::resolvedAddress, LinkedHashMap::new,
                        Collectors.toList()));
        if (byAddress.isEmpty()) {
            return 0;
        }
        AtomicInteger probed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(config.concurrency(), byAddress.size()));
        try (DeepProber prober = new DeepProber(config.timeout())) {
            byAddress.values().forEach(sameAddress -> pool.execute(() -> sameAddress.forEach(c -> {
                if (probe(prober, scanId, c)) {
                    probed.incrementAndGet();
                }
            })));
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
        if (probed.get() > 0) {
            changed.fire(new HostStatusChanged(probed.get()));
        }
        LOG.infof("Deep pass after scan %d: %d hosts", scanId, probed.get());
        return probed.get();
    }

    /** One host, if this replica does not scan, it is due and no other replica took it: probed, stored and judged again. Never throws. */
    private boolean probe(DeepProber prober, long scanId, Candidate host) {
        if (scans.scansOtherThan(scanId)) {
            return false; // unclaimed, so due in the pass after the scan that runs now
        }
        try {
            Instant now = clock.instant();
            if (!store.claim(host.hostId(), now.plus(config.every().dividedBy(24)), now.plus(config.every()))) {
                return false;
            }
            DeepResult deep = prober.probe(new InetSocketAddress(host.resolvedAddress(), host.ref().port()),
                    host.offer());
            QuarkusTransaction.requiringNew().run(() -> {
                store.record(host.hostId(), scanId, clock.instant(), deep);
                results.rejudgeLocked(host.hostId(), host.ref());
            });
            return true;
        } catch (RuntimeException e) {
            // the host was deleted meanwhile, or the database is away: its scan result stands, and its claim too
            // (due again after kexwatch.deep.every), so a database outage does not turn into a retry storm
            LOG.warnf("Deep pass after scan %d: host %d not stored (%s)", scanId, host.hostId(), e.getMessage());
            return false;
        }
    }
}
