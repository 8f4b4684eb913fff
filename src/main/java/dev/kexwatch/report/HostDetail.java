package dev.kexwatch.report;

import java.util.List;
import java.util.Map;

/**
 * One host's latest compliance with the evidence behind it: the ten name-lists as the server sent them
 * (keyed like {@code kex}, {@code cipher_c2s}) and the lines it sent before its identification.
 */
public record HostDetail(HostCompliance compliance, Map<String, List<String>> lists,
        List<String> preIdentification) {
}
