package dev.kexwatch.fleet;

import dev.kexwatch.algorithm.OfferDiff;
import dev.kexwatch.probe.Identification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed for one host between two scans: the outcome and the software version on each side and, per list
 * (e.g. {@code mac_s2c}), the names added and removed and whether the preference order changed; the host keys
 * that changed, appeared or went away between the deep handshakes as of each scan ({@code hostKeys}); and the login
 * methods that appeared and went away ({@code authMethods}, null for a host never probed for them).
 */
public record Drift(long hostId, String address, int port, Long fromScan, Long toScan, String fromOutcome,
        String toOutcome, Software software, Map<String, OfferDiff.Change> lists, List<HostKeyChange> hostKeys,
        AuthMethodsChange authMethods) {

    /** Without host-key changes (no deep handshake on either side, or the same keys). */
    public Drift(long hostId, String address, int port, Long fromScan, Long toScan, String fromOutcome,
            String toOutcome, Software software, Map<String, OfferDiff.Change> lists, AuthMethodsChange authMethods) {
        this(hostId, address, port, fromScan, toScan, fromOutcome, toOutcome, software, lists, List.of(),
                authMethods);
    }

    Drift withHostKeys(List<HostKeyChange> changes) {
        return new Drift(hostId, address, port, fromScan, toScan, fromOutcome, toOutcome, software, lists, changes,
                authMethods);
    }

    /** The software version of each side's identification (e.g. {@code OpenSSH_9.2p1}); empty when it sent none. */
    public record Software(String from, String to, boolean changed) {

        static Software of(String fromIdentification, String toIdentification) {
            String from = version(fromIdentification);
            String to = version(toIdentification);
            return new Software(from, to, !from.equals(to));
        }

        private static String version(String identification) {
            return identification == null ? "" : new Identification(identification, List.of()).softwareVersion();
        }
    }

    static Map<String, OfferDiff.Change> keyed(OfferDiff diff) {
        Map<String, OfferDiff.Change> lists = new LinkedHashMap<>();
        diff.changes().forEach((list, change) -> lists.put(list.key(), change));
        return lists;
    }
}
