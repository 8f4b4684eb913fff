package dev.kexwatch.negotiation;

import java.util.Set;

/**
 * Pseudo-algorithm names that only signal a capability. They sit in the kex list but are never chosen as a
 * key exchange method: {@code ext-info-c}/{@code ext-info-s} (RFC 8308 §2.1), the OpenSSH strict-KEX markers
 * (OpenSSH {@code PROTOCOL} §1.10, CVE-2023-48795) and Dropbear's {@code kexguess2@matt.ucc.asn.au}.
 */
public final class Signals {

    public static final String EXT_INFO_CLIENT = "ext-info-c";
    public static final String EXT_INFO_SERVER = "ext-info-s";
    public static final String STRICT_KEX_CLIENT = "kex-strict-c-v00@openssh.com";
    public static final String STRICT_KEX_SERVER = "kex-strict-s-v00@openssh.com";
    public static final String DROPBEAR_KEXGUESS = "kexguess2@matt.ucc.asn.au";

    private static final Set<String> ALL = Set.of(EXT_INFO_CLIENT, EXT_INFO_SERVER, STRICT_KEX_CLIENT,
            STRICT_KEX_SERVER, DROPBEAR_KEXGUESS);

    private Signals() {
    }

    /** Whether a kex-list name is a signal and not a key exchange method. */
    public static boolean isSignal(String name) {
        return ALL.contains(name);
    }
}
