package dev.kexwatch.fleet;

import java.time.Instant;

/**
 * A run of identical results of a host: from scan {@code firstScanId} to {@code lastScanId} ({@code seen}
 * probes) it answered the same way with the same offer.
 */
public record HistoryEntry(long observationId, long firstScanId, long lastScanId, int seen, Instant firstSeenAt,
        Instant lastSeenAt, String outcome, String identification, Long offerId) {
}
