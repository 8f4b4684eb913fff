package dev.kexwatch.scan;

import java.time.Instant;

/** A scan as REST returns it. */
public record ScanView(long id, String trigger, ScanRun.Status status, Instant startedAt, Instant finishedAt, int total,
        int done) {

    static ScanView of(ScanRun run) {
        return new ScanView(run.id, run.trigger, run.status, run.startedAt, run.finishedAt, run.total, run.done);
    }
}
