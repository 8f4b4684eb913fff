package dev.kexwatch.algorithm;

import java.util.Optional;

/** Facts about an algorithm that checks need beyond its verdict. */
public enum Trait {
    /** A block cipher in CBC mode: with an {@code -etm} MAC it is open to Terrapin (CVE-2023-48795). */
    CBC,
    /** An encrypt-then-MAC algorithm (OpenSSH {@code PROTOCOL} §1.7). */
    ETM,
    /** An AEAD cipher: no separate MAC is negotiated (OpenSSH {@code PROTOCOL} §1.6). */
    AEAD,
    /** A post-quantum (hybrid) key exchange. */
    PQ,
    /** An OpenSSH certificate key type. */
    CERT,
    /**
     * A cipher open to Terrapin (CVE-2023-48795) on its own, whatever the MAC: {@code chacha20-poly1305@openssh.com},
     * whose nonce is the implicit sequence number the attack shifts. Only strict key exchange protects it.
     */
    TERRAPIN;

    public String id() {
        return EnumIds.id(this);
    }

    public static Optional<Trait> fromId(String id) {
        return EnumIds.fromId(Trait.class, id);
    }
}
