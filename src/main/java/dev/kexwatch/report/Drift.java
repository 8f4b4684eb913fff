package dev.kexwatch.report;

import dev.kexwatch.algorithm.OfferDiff;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What changed for one host between two scans: the outcome on each side and, per list (e.g.
 * {@code mac_s2c}), the names added and removed.
 */
public record Drift(long hostId, String address, int port, Long fromScan, Long toScan, String fromOutcome,
        String toOutcome, Map<String, OfferDiff.Change> lists) {

    static Map<String, OfferDiff.Change> keyed(OfferDiff diff) {
        Map<String, OfferDiff.Change> lists = new LinkedHashMap<>();
        diff.changes().forEach((list, change) -> lists.put(list.key(), change));
        return lists;
    }
}
