package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.ServerOffer;
import java.util.List;

/** Offers quoted verbatim from the seed documents (shared/seeds/001 and 002, Cerberus FTP Server logs). */
final class Seeds {

    /** "Server Proposed" of the v9.0.6.0 log; its MAC list holds the empty name between two commas. */
    static final ServerOffer CERBERUS_SERVER = offer(
            "ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha1,"
                    + "diffie-hellman-group-exchange-sha256,diffie-hellman-group14-sha1,diffie-hellman-group1-sha1",
            "ssh-rsa", "aes256-ctr,aes256-cbc",
            "hmac-sha1,hmac-sha1-96,hmac-sha2-256,hmac-sha2-256-96,hmac-sha2-512,hmac-sha2-512-96,hmac-ripemd160,,hmac-md5",
            "none");

    /** The "[S: hmac-ripemd160@openssh.com,]" MAC list of the v9.0.6.1 log, with otherwise workable lists. */
    static final ServerOffer RIPEMD_ONLY_SERVER = offer("curve25519-sha256,ecdh-sha2-nistp256", "ssh-ed25519,ssh-rsa",
            "aes256-ctr,aes128-ctr", "hmac-ripemd160@openssh.com,", "none");

    private Seeds() {
    }

    /** An offer with the same list in both directions, comma-joined as on the wire. */
    static ServerOffer offer(String kex, String hostKey, String cipher, String mac, String compression) {
        return ServerOffer.fromRaw(List.of(kex, hostKey, cipher, cipher, mac, mac, compression, compression, "", ""));
    }
}
