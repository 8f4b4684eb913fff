package dev.kexwatch.fleet;

import java.time.Duration;

/** Fired when a scan ends, whatever its status, so read-side views (metrics) can refresh. */
public record ScanFinished(long scanId, ScanRun.Status status, Duration took) {
}
