package dev.kexwatch.scan;

import dev.kexwatch.fleet.ScanClaims;
import dev.kexwatch.fleet.ScanRuns;
import dev.kexwatch.inventory.InventoryConfig;
import dev.kexwatch.inventory.InventoryService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    @Inject
    ScanClaims claims;

    @Inject
    ScanRuns scanRuns;

    void onStart(@Observes StartupEvent event) {
        // What a previous process with this instance id held, it holds no more. A scan still marked running that
        // no live replica works on was cut off by a crash or a kill: it will never finish by itself. One that
        // other replicas work on is theirs, and this replica joins it.
        int interrupted = QuarkusTransaction.requiringNew().call(() -> {
            claims.forget(scans.instanceId());
            return claims.interruptOrphans();
        });
        if (interrupted > 0) {
            LOG.warnf("Marked %d unfinished scan(s) as interrupted", interrupted);
        }
        inventoryConfig.file().ifPresent(inventory::importFile);
        if (config.onStart()) {
            scans.start("startup", Map.of());
        }
    }

    @Scheduled(cron = "{kexwatch.scan.cron}", concurrentExecution = ConcurrentExecution.SKIP, identity = "nightly-scan")
    void nightly(ScheduledExecution execution) {
        nightlyAt(execution.getScheduledFireTime());
    }

    /** The nightly job, called directly (tests): fired now. */
    void nightly() {
        nightlyAt(clock.instant());
    }

    /**
     * The nightly job as fired at {@code firedAt}. Every replica's cron fires at the same time; the run is keyed
     * by that time (to the second), so one replica starts it and prunes, and the others join it.
     */
    public void nightlyAt(Instant firedAt) {
        Instant key = firedAt.truncatedTo(ChronoUnit.SECONDS);
        if (scans.runScheduled(key).isPresent()) {
            LOG.infof("Scheduled scan of %s ran on replica %s", key, scans.instanceId());
            prune();
        } else {
            LOG.infof("Scheduled scan of %s not started on replica %s: another replica started it, or a scan runs",
                    key, scans.instanceId());
            scans.joinRunning();
        }
    }

    /** Replicas look for a run another one started, to take hosts from it. */
    @Scheduled(every = "{kexwatch.scan.poll-every}", concurrentExecution = ConcurrentExecution.SKIP,
            identity = "join-scans")
    void joinRunning() {
        scans.joinRunning();
    }

    /** Deletes scans and ended observations older than the retention; a host's current state stays. */
    int prune() {
        return prune(clock.instant().minus(config.retention()));
    }

    int prune(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> {
            long observations = scanRuns.deleteObservationsBefore(cutoff);
            long runs = scanRuns.deleteEndedBefore(cutoff);
            if (observations + runs > 0) {
                LOG.infof("Retention (before %s): deleted %d observations and %d scans", cutoff, observations, runs);
            }
            return (int) (observations + runs);
        });
    }
}
