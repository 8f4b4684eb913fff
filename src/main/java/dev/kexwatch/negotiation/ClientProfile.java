package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.KexList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The name-lists one SSH client sends in its SSH_MSG_KEXINIT by default (RFC 4253 §7.1), in the client's
 * order of preference. Signal names such as {@code ext-info-c} (RFC 8308 §2.1) or
 * {@code kex-strict-c-v00@openssh.com} (OpenSSH {@code PROTOCOL} §1.10) stay in the kex list, as on the wire.
 *
 * @param id a short stable key, e.g. {@code openssh-9.2}
 * @param name the product, e.g. {@code OpenSSH}
 * @param version the version or range the lists hold for
 * @param source where the lists come from (repository, file, tag), and what is unverified
 * @param lists the eight negotiated lists (languages are optional and never negotiated here)
 */
public record ClientProfile(String id, String name, String version, String source, Map<KexList, List<String>> lists) {

    /** The lists a profile must carry; languages never make a negotiation fail. */
    public static final List<KexList> NEGOTIATED = List.of(KexList.KEX, KexList.HOST_KEY, KexList.CIPHER_C2S,
            KexList.CIPHER_S2C, KexList.MAC_C2S, KexList.MAC_S2C, KexList.COMPRESSION_C2S, KexList.COMPRESSION_S2C);

    public ClientProfile {
        EnumMap<KexList, List<String>> copy = new EnumMap<>(KexList.class);
        for (KexList list : KexList.values()) {
            copy.put(list, List.copyOf(lists.getOrDefault(list, List.of())));
        }
        lists = Collections.unmodifiableMap(copy);
    }

    /** The client's names for one list, most preferred first. */
    public List<String> get(KexList list) {
        return lists.get(list);
    }

    /** Whether the client announces strict KEX ({@code kex-strict-c-v00@openssh.com}). */
    public boolean sendsStrictKex() {
        return get(KexList.KEX).contains(Signals.STRICT_KEX_CLIENT);
    }

    /** Whether the client asks for SSH_MSG_EXT_INFO ({@code ext-info-c}, RFC 8308 §2.1). */
    public boolean sendsExtInfo() {
        return get(KexList.KEX).contains(Signals.EXT_INFO_CLIENT);
    }

    /** A label for people: {@code OpenSSH 9.2 (openssh-9.2)}. */
    public String label() {
        return name + " " + version + " (" + id + ")";
    }
}
