package dev.kexwatch.fleet;

import java.util.List;

/** The fleet views of the deep handshake (issue 12), as REST returns them. */
public final class DeepFleetViews {

    private DeepFleetViews() {
    }

    /** A host by its inventory identity. */
    public record HostAt(long hostId, String address, int port) {
    }

    /** One host key (by fingerprint) that hosts on more than one address show: cloned images, or a shared key. */
    public record SharedHostKey(String fingerprint, String type, int bits, List<HostAt> hosts) {
    }

    /** A host whose host keys changed in the deep pass after scan {@code scanId}. */
    public record HostKeyChanges(long hostId, String address, int port, long scanId, List<HostKeyChange> changes) {
    }

    /** How many hosts show a key of this type and size. */
    public record KeySize(String type, int bits, long hosts) {
    }

    /** How many hosts answered some group-size request with a group of this size. */
    public record GroupSize(int bits, long hosts) {
    }

    /** Host keys and groups by size, smallest first. */
    public record Sizes(List<KeySize> hostKeys, List<GroupSize> groups) {
    }

    /** A host certificate that is expired or expires within the days asked for. */
    public record ExpiringCertificate(long hostId, String address, int port, String algorithm, String fingerprint,
            DeepViews.Certificate certificate) {
    }

    /** The counts the metrics show: hosts sharing a key, hosts whose keys changed in the last pass, weak keys. */
    public record Counts(long sharedHostKey, long hostKeyChanges, long weakHostKey) {
    }
}
