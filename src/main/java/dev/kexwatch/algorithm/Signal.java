package dev.kexwatch.algorithm;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of the pseudo-names that sit in the kex list only to signal a capability: extension negotiation
 * (RFC 8308 §2.1), strict key exchange (OpenSSH {@code PROTOCOL} §1.10, CVE-2023-48795) and Dropbear's
 * first-packet guess. The names themselves are catalog data ({@code signal:} on an entry).
 */
public enum Signal {
    EXT_INFO_CLIENT,
    EXT_INFO_SERVER,
    STRICT_KEX_CLIENT,
    STRICT_KEX_SERVER,
    KEX_GUESS;

    /** The id used in the catalog, e.g. {@code strict-kex-server}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Signal> fromId(String id) {
        for (Signal signal : values()) {
            if (signal.id().equals(id)) {
                return Optional.of(signal);
            }
        }
        return Optional.empty();
    }
}
