package dev.kexwatch.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * Servers that answer past the KEXINIT by hand: a chosen Diffie-Hellman group for any group-exchange
 * request (OpenSSH never hands out less than 2048 bits), or a key-exchange reply that is wrong in one
 * chosen way. Each waits for the client's request, so what it sends is an answer, not noise.
 */
public final class KexReplies {

    static final byte MSG_KEX_ECDH_REPLY = 31;
    static final byte MSG_KEX_DH_GEX_GROUP = 31;
    static final byte MSG_KEX_DH_GEX_REQUEST = 34;
    private static final String IDENT = "SSH-2.0-OpenSSH_9.2p1 hand-played";

    /** What a key-exchange reply carries instead of a proper key and signature. */
    public enum BadReply {
        /** A real Ed25519 key and a signature of the right shape that does not verify. */
        BAD_SIGNATURE,
        /** A key blob whose type is known but whose body is cut short. */
        UNPARSEABLE_KEY,
        /** An RSA key when Ed25519 was asked for. */
        WRONG_KEY_TYPE,
        /** An RSA key with an 800,000-bit (100 KB) modulus. */
        HUGE_KEY,
        /** The reply ends inside its first field. */
        TRUNCATED,
        /** No reply: the server closes after the client's key-exchange init. */
        CLOSE
    }

    private KexReplies() {
    }

    /** Offers only group exchange and answers every request with one {@code bits}-bit prime (g = 2). */
    public static HostileSshServer groupOf(int bits) {
        BigInteger p = BigInteger.probablePrime(bits, new SecureRandom());
        return HostileSshServer.scripted(c -> {
            greet(c, "diffie-hellman-group-exchange-sha256", "ssh-ed25519");
            awaitPacket(c, MSG_KEX_DH_GEX_REQUEST);
            ByteArrayOutputStream group = new ByteArrayOutputStream();
            group.write(MSG_KEX_DH_GEX_GROUP);
            string(group, p.toByteArray());
            string(group, BigInteger.TWO.toByteArray());
            c.writePacket(group.toByteArray());
            c.holdOpen();
        });
    }

    /** Offers curve25519 and {@code ssh-ed25519}, then answers the client's ECDH init with {@code bad}. */
    public static HostileSshServer replying(BadReply bad) {
        return HostileSshServer.scripted(c -> {
            greet(c, "curve25519-sha256", "ssh-ed25519");
            awaitPacket(c, SshPackets.MSG_KEX_ECDH_INIT);
            if (bad == BadReply.CLOSE) {
                c.reset();
                return;
            }
            byte[] reply = reply(bad);
            c.writePacket(bad == BadReply.TRUNCATED ? Arrays.copyOf(reply, 9) : reply);
            c.holdOpen();
        });
    }

    private static byte[] reply(BadReply bad) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MSG_KEX_ECDH_REPLY);
        string(out, keyBlob(bad));
        string(out, curvePoint());
        ByteArrayOutputStream sig = new ByteArrayOutputStream();
        string(sig, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
        string(sig, new byte[64]);
        string(out, sig.toByteArray());
        return out.toByteArray();
    }

    private static byte[] keyBlob(BadReply bad) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        switch (bad) {
            case WRONG_KEY_TYPE, HUGE_KEY -> {
                string(blob, "ssh-rsa".getBytes(StandardCharsets.US_ASCII));
                string(blob, BigInteger.valueOf(65537).toByteArray());
                string(blob, bad == BadReply.HUGE_KEY ? BigInteger.ONE.shiftLeft(800_000 - 1).toByteArray()
                        : rsaModulus());
            }
            case UNPARSEABLE_KEY -> {
                string(blob, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
                string(blob, new byte[5]);
            }
            default -> {
                string(blob, "ssh-ed25519".getBytes(StandardCharsets.US_ASCII));
                string(blob, ed25519PublicKey());
            }
        }
        return blob.toByteArray();
    }

    /** A valid X25519 public value (the base point u = 9), so the client's shared secret is computable. */
    private static byte[] curvePoint() {
        byte[] u = new byte[32];
        u[0] = 9;
        return u;
    }

    private static byte[] rsaModulus() {
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            return ((java.security.interfaces.RSAPublicKey) rsa.generateKeyPair().getPublic()).getModulus()
                    .toByteArray();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ed25519PublicKey() {
        try {
            byte[] x509 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic().getEncoded();
            return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void greet(Conn c, String kex, String hostKey) throws IOException {
        c.write(IDENT + "\r\n");
        c.readLine();
        List<String> lists = List.of(kex, hostKey, "aes128-ctr", "aes128-ctr", "hmac-sha2-256", "hmac-sha2-256",
                "none", "none", "", "");
        c.writePacket(SshPackets.kexinitPayload(lists, false));
    }

    private static void awaitPacket(Conn c, byte type) throws IOException {
        while (c.readPacket()[0] != type) {
            // the client's KEXINIT (and anything else) comes first
        }
    }

    private static void string(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
