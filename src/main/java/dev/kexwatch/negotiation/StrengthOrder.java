package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.Category;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A simple best-first ranking of well-known names per category, used only to pick which single name a fix
 * should add. It follows RFC 9142 §4 for kex (post-quantum hybrids, then curve25519, ECDH, large MODP groups,
 * SHA-1 last), RFC 8332 for RSA signatures, RFC 8758 (no arcfour) and AEAD/EtM before encrypt-and-MAC.
 * Names it does not know rank after all known ones.
 */
final class StrengthOrder {

    private static final Map<Category, List<String>> RANKS = Map.of(
            Category.KEX, List.of("mlkem768x25519-sha256", "sntrup761x25519-sha512",
                    "sntrup761x25519-sha512@openssh.com", "curve25519-sha256", "curve25519-sha256@libssh.org",
                    "curve448-sha512", "ecdh-sha2-nistp521", "ecdh-sha2-nistp384", "ecdh-sha2-nistp256",
                    "diffie-hellman-group18-sha512", "diffie-hellman-group17-sha512", "diffie-hellman-group16-sha512",
                    "diffie-hellman-group15-sha512", "diffie-hellman-group-exchange-sha256",
                    "diffie-hellman-group14-sha256", "rsa2048-sha256", "diffie-hellman-group14-sha1",
                    "diffie-hellman-group-exchange-sha1", "rsa1024-sha1", "diffie-hellman-group1-sha1"),
            Category.HOST_KEY, List.of("ssh-ed25519", "ssh-ed448", "ecdsa-sha2-nistp521", "ecdsa-sha2-nistp384",
                    "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256", "ssh-ed25519-cert-v01@openssh.com",
                    "ecdsa-sha2-nistp256-cert-v01@openssh.com", "rsa-sha2-512-cert-v01@openssh.com",
                    "rsa-sha2-256-cert-v01@openssh.com", "ssh-rsa", "ssh-rsa-cert-v01@openssh.com", "ssh-dss"),
            Category.CIPHER, List.of("chacha20-poly1305@openssh.com", "aes256-gcm@openssh.com",
                    "aes128-gcm@openssh.com", "aes256-ctr", "aes192-ctr", "aes128-ctr", "aes256-cbc", "aes192-cbc",
                    "aes128-cbc", "rijndael-cbc@lysator.liu.se", "3des-ctr", "3des-cbc", "blowfish-ctr",
                    "blowfish-cbc", "cast128-cbc", "arcfour256", "arcfour128", "arcfour", "des-cbc", "none"),
            Category.MAC, List.of("hmac-sha2-512-etm@openssh.com", "hmac-sha2-256-etm@openssh.com",
                    "umac-128-etm@openssh.com", "hmac-sha2-512", "hmac-sha2-256", "umac-128@openssh.com",
                    "umac-64-etm@openssh.com", "umac-64@openssh.com", "hmac-sha1-etm@openssh.com", "hmac-sha1",
                    "hmac-sha2-512-96", "hmac-sha2-256-96", "hmac-ripemd160-etm@openssh.com",
                    "hmac-ripemd160@openssh.com", "hmac-ripemd160", "hmac-sha1-96-etm@openssh.com", "hmac-sha1-96",
                    "hmac-md5-etm@openssh.com", "hmac-md5", "hmac-md5-96", "none"),
            Category.COMPRESSION, List.of("none", "zlib@openssh.com", "zlib"));

    private StrengthOrder() {
    }

    /** Lower is stronger; unknown names get the size of the ranking (after every known name). */
    static int rank(Category category, String name) {
        List<String> ranks = RANKS.getOrDefault(category, List.of());
        int index = ranks.indexOf(name);
        return index < 0 ? ranks.size() : index;
    }

    static Comparator<String> strongestFirst(Category category) {
        return Comparator.comparingInt(name -> rank(category, name));
    }
}
