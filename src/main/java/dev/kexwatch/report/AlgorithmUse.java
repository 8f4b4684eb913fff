package dev.kexwatch.report;

import java.util.List;

/** A host that offers an algorithm, and in which of its lists (e.g. {@code cipher_c2s}). */
public record AlgorithmUse(long hostId, String address, int port, List<String> lists) {
}
