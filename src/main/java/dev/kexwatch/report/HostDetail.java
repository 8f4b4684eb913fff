package dev.kexwatch.report;

import java.util.List;
import java.util.Map;

/**
 * One host's latest compliance with the evidence behind it: the ten name-lists as the server sent them
 * (keyed like {@code kex}, {@code cipher_c2s}), the lines it sent before its identification, and its history.
 */
public record HostDetail(HostCompliance compliance, Map<String, List<String>> lists, List<String> preIdentification,
        List<HistoryEntry> history) {
}
