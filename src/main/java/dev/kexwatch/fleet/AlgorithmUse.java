package dev.kexwatch.fleet;

import java.time.Instant;
import java.util.List;

/**
 * A host that offers an algorithm, and in which of its lists (e.g. {@code cipher_c2s}), as of scan
 * {@code scanId} (the latest that saw this offer) at {@code probedAt}.
 */
public record AlgorithmUse(long hostId, String address, int port, List<String> lists, Long scanId,
        Instant probedAt) {
}
