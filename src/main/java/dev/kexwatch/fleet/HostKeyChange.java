package dev.kexwatch.fleet;

import dev.kexwatch.hostkey.DeepOutcome;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.hostkey.HostKey;
import dev.kexwatch.hostkey.KeyInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A host key that changed, appeared or went away between two deep handshakes of one host, per algorithm asked.
 * A key is its fingerprint: a re-imaged host or a man in the middle shows as {@code CHANGED}.
 *
 * @param from the fingerprint before, null when it {@code APPEARED}
 * @param to the fingerprint after, null when it is {@code GONE}
 */
public record HostKeyChange(String algorithm, Change change, String from, String to) {

    public enum Change {
        APPEARED, CHANGED, GONE
    }

    /**
     * A key appears or goes away only with its algorithm: when the server starts or stops offering it (or no longer
     * agrees on it). An exchange that failed on the way (a timeout, a dropped connection) says nothing about the
     * key, so it is no change: a flaky network must not look like a re-imaged host.
     */
    public static List<HostKeyChange> between(DeepResult before, DeepResult after) {
        Map<String, String> was = fingerprints(before);
        Map<String, String> is = fingerprints(after);
        Set<String> algorithms = new LinkedHashSet<>(was.keySet());
        algorithms.addAll(is.keySet());
        List<HostKeyChange> changes = new ArrayList<>();
        for (String algorithm : algorithms) {
            String from = was.get(algorithm);
            String to = is.get(algorithm);
            if (from == null && notAsked(before, algorithm)) {
                changes.add(new HostKeyChange(algorithm, Change.APPEARED, null, to));
            } else if (to == null && notAsked(after, algorithm)) {
                changes.add(new HostKeyChange(algorithm, Change.GONE, from, null));
            } else if (from != null && to != null && !from.equals(to)) {
                changes.add(new HostKeyChange(algorithm, Change.CHANGED, from, to));
            }
        }
        return changes;
    }

    /** The handshake did not ask for the algorithm (not offered), or the server would not agree on it. */
    private static boolean notAsked(DeepResult deep, String algorithm) {
        return deep.hostKeys().stream().filter(k -> k.algorithm().equals(algorithm))
                .allMatch(k -> k.outcome() == DeepOutcome.NOT_NEGOTIATED);
    }

    /** Algorithm asked → fingerprint, for the exchanges that read a key. */
    private static Map<String, String> fingerprints(DeepResult deep) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (HostKey key : deep.hostKeys()) {
            key.key().map(KeyInfo::fingerprint).ifPresent(f -> keys.put(key.algorithm(), f));
        }
        return keys;
    }
}
