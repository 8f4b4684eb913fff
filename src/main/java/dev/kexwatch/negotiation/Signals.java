package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Signal;

/**
 * Pseudo-algorithm names that only signal a capability. They sit in the kex list but are never chosen as a
 * key exchange method: {@code ext-info-c}/{@code ext-info-s} (RFC 8308 §2.1), the OpenSSH strict-KEX markers
 * (OpenSSH {@code PROTOCOL} §1.10, CVE-2023-48795) and Dropbear's {@code kexguess2@matt.ucc.asn.au}. The names
 * are catalog entries of kind {@code signal}; this class only gives them short names for code.
 */
public final class Signals {

    private static final AlgorithmCatalog CATALOG = AlgorithmCatalog.builtin();

    public static final String EXT_INFO_CLIENT = CATALOG.signal(Signal.EXT_INFO_CLIENT);
    public static final String EXT_INFO_SERVER = CATALOG.signal(Signal.EXT_INFO_SERVER);
    public static final String STRICT_KEX_CLIENT = CATALOG.signal(Signal.STRICT_KEX_CLIENT);
    public static final String STRICT_KEX_SERVER = CATALOG.signal(Signal.STRICT_KEX_SERVER);

    private Signals() {
    }

    /** Whether a kex-list name is a signal and not a key exchange method. */
    public static boolean isSignal(String name) {
        return CATALOG.isSignal(Category.KEX, name);
    }
}
