package dev.kexwatch.scan;

import dev.kexwatch.fleet.ScanRun;
import java.time.Instant;
import java.util.Map;

/**
 * A scan as REST returns it. For a running scan, {@code outcomes} and {@code etaSeconds} are live; for a
 * finished one {@code summary} holds the counts by outcome and by compliance state.
 */
public record ScanView(long id, String trigger, Map<String, String> selector, ScanRun.Status status,
        Instant startedAt, Instant finishedAt, int total, int done, Map<String, Integer> outcomes, Long etaSeconds,
        Map<String, Long> summary) {

    static ScanView of(ScanRun run) {
        return new ScanView(run.id, run.trigger, run.selector, run.status, run.startedAt, run.finishedAt, run.total,
                run.done, Map.of(), null, run.summary);
    }

    /** Outcomes and ETA as this replica sees them; {@code done} stays the stored count of every replica. */
    ScanView live(ScanProgress progress, Instant now) {
        return new ScanView(id, trigger, selector, status, startedAt, finishedAt, total, done,
                progress.outcomes(), progress.eta(now).map(d -> d.toSeconds()).orElse(null), summary);
    }
}
