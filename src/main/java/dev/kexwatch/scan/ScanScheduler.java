package dev.kexwatch.scan;

import dev.kexwatch.inventory.InventoryConfig;
import dev.kexwatch.inventory.InventoryService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Starts the nightly scan and prunes history past retention; at start-up imports the inventory file and
 * tidies up after a crash.
 */
@ApplicationScoped
public class ScanScheduler {

    private static final Logger LOG = Logger.getLogger(ScanScheduler.class);

    @Inject
    ScanService scans;

    @Inject
    ScanConfig config;

    @Inject
    InventoryConfig inventoryConfig;

    @Inject
    InventoryService inventory;

    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent event) {
        // A scan still marked running was cut off by a crash or a kill: it will never finish by itself.
        int interrupted = QuarkusTransaction.requiringNew().call(
                () -> ScanRun.update("status = ?1 where status = ?2", ScanRun.Status.interrupted, ScanRun.Status.running));
        if (interrupted > 0) {
            LOG.warnf("Marked %d unfinished scan(s) as interrupted", interrupted);
        }
        inventoryConfig.file().ifPresent(inventory::importFile);
        if (config.onStart()) {
            scans.start("startup", Map.of());
        }
    }

    @Scheduled(cron = "{kexwatch.scan.cron}", concurrentExecution = ConcurrentExecution.SKIP, identity = "nightly-scan")
    void nightly() {
        if (scans.runNow("schedule", Map.of()).isEmpty()) {
            LOG.info("Scheduled scan skipped: a scan is running already");
        }
        prune();
    }

    /** Deletes scans and ended observations older than the retention; a host's current state stays. */
    int prune() {
        return prune(clock.instant().minus(config.retention()));
    }

    int prune(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long observations = Observation.delete(
                    "lastSeenAt < ?1 and id not in (select s.observationId from HostStatus s)", cutoff);
            long runs = ScanRun.delete("startedAt < ?1 and status <> ?2", cutoff, ScanRun.Status.running);
            if (observations + runs > 0) {
                LOG.infof("Retention (before %s): deleted %d observations and %d scans", cutoff, observations, runs);
            }
            return (int) (observations + runs);
        });
    }
}
