package dev.kexwatch.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.fleet.ScanRun;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The scheduler is off in tests; the nightly job is called directly, as the cron would. */
@QuarkusTest
class ScheduledScanTest {

    @Inject
    ScanScheduler scheduler;

    @Test
    void theNightlyJobRunsOneWholeScan() {
        long before = QuarkusTransaction.requiringNew().call(() -> ScanRun.count("trigger", "schedule"));

        scheduler.nightly();

        ScanRun run = QuarkusTransaction.requiringNew().call(
                () -> ScanRun.<ScanRun>find("trigger = ?1 order by startedAt desc", "schedule").firstResult());
        assertThat(QuarkusTransaction.requiringNew().call(() -> ScanRun.count("trigger", "schedule")))
                .isEqualTo(before + 1);
        assertThat(run.status).isEqualTo(ScanRun.Status.finished);
        assertThat(run.done).isEqualTo(run.total);
        assertThat(run.finishedAt).isAfterOrEqualTo(run.startedAt);
    }
}
