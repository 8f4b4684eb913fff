package dev.kexwatch.scan;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.kexwatch.fleet.ScanRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** Which scans ran, and when the next scheduled one will: what people look at before the results. */
@ApplicationScoped
public class ScanCalendar {

    @Inject
    ScanConfig config;

    @Inject
    ScanService scans;

    @Inject
    ScanRuns runs;

    @Inject
    Clock clock;

    /** The latest scans, newest first. */
    @Transactional
    public List<ScanView> latest(int limit) {
        return runs.newestFirst(0, limit).stream().map(ScanView::of).toList();
    }

    /** The running scan with live progress, if any. */
    @Transactional
    public Optional<ScanView> running() {
        return runs.running().map(r -> r.id).flatMap(scans::find);
    }

    @Transactional
    public Optional<ScanView> latestFinished() {
        return runs.latestFinished().map(ScanView::of);
    }

    /**
     * When the scheduler fires next, read from {@code kexwatch.scan.cron} (Quartz syntax, the scheduler's time
     * zone) rather than from the scheduler itself, which tests and some replicas switch off.
     */
    public Optional<Instant> nextScheduled() {
        try {
            CronParser parser = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
            return ExecutionTime.forCron(parser.parse(config.cron()))
                    .nextExecution(ZonedDateTime.now(clock.withZone(java.time.ZoneId.systemDefault())))
                    .map(ZonedDateTime::toInstant);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
