package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.ServerSoftware;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one server release offers by default: the ten KEXINIT lists of RFC 4253 §7.1 with no algorithm lines in
 * its configuration, most preferred first, signals kept in the kex list as on the wire.
 *
 * @param id a short stable key, e.g. {@code openssh-9.2}, {@code dropbear-2022.83}
 * @param product {@code OpenSSH}, {@code Dropbear}, {@code tinysshd}
 * @param version the release (and the distribution build, where it differs from upstream)
 * @param source where every list comes from
 * @param unverified list keys ({@code kex}, {@code hostkey}, ...) not read at the release's own source
 * @param clientProfile the profile in {@code clients.yaml} with the same release's default client offer
 * @param lists the configured default lists; the host-key list before filtering by the keys a host holds
 */
public record Release(String id, String product, String version, String source, List<String> unverified,
        Optional<String> clientProfile, Map<KexList, List<String>> lists) {

    public Release {
        unverified = List.copyOf(unverified);
        EnumMap<KexList, List<String>> copy = new EnumMap<>(KexList.class);
        for (KexList list : KexList.values()) {
            copy.put(list, List.copyOf(lists.getOrDefault(list, List.of())));
        }
        lists = Collections.unmodifiableMap(copy);
    }

    public List<String> get(KexList list) {
        return lists.get(list);
    }

    /** The offer of a default install, which holds ed25519, ECDSA P-256 and RSA host keys. */
    public ServerOffer defaultServerOffer() {
        return serverOffer(HostKeyTypes.DEFAULT_INSTALL);
    }

    /** The offer of a host holding keys of {@code keyTypes} ({@link HostKeyTypes#of}): sshd lists only those. */
    public ServerOffer serverOffer(Set<String> keyTypes) {
        Map<KexList, List<String>> offer = new EnumMap<>(lists);
        offer.put(KexList.HOST_KEY, HostKeyTypes.keep(get(KexList.HOST_KEY), keyTypes));
        return new ServerOffer(offer);
    }

    /** The server software, so fixes for a release speak that server's terms (no sshd_config for Dropbear). */
    public ServerSoftware.Kind serverKind() {
        return switch (product) {
            case "OpenSSH" -> ServerSoftware.Kind.OPENSSH;
            case "Dropbear" -> ServerSoftware.Kind.DROPBEAR;
            case "tinysshd" -> ServerSoftware.Kind.TINYSSH;
            default -> ServerSoftware.Kind.OTHER;
        };
    }

    /** {@code OpenSSH 9.2p1 (openssh-9.2)}. */
    public String label() {
        return product + " " + version + " (" + id + ")";
    }
}
