package dev.kexwatch.report;

import java.time.Instant;
import java.util.Map;

/** One finished scan in a trend: counts by outcome ({@code outcome.OK}) and compliance state ({@code state.compliant}). */
public record TrendPoint(long scanId, Instant startedAt, Instant finishedAt, Map<String, Long> counts) {
}
