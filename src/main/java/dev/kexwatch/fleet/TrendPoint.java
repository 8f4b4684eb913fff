package dev.kexwatch.fleet;

import java.time.Instant;
import java.util.Map;

/**
 * One finished scan in a trend: what it covered ({@code selector}, empty for the whole inventory; {@code hosts}
 * of {@code fleetHosts} enabled hosts) and the counts of its own hosts by outcome ({@code outcome.OK}) and
 * compliance state ({@code state.compliant}), never the fleet's.
 */
public record TrendPoint(long scanId, Map<String, String> selector, int hosts, Integer fleetHosts, Instant startedAt,
        Instant finishedAt, Map<String, Long> counts) {
}
