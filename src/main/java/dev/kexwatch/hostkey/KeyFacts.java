package dev.kexwatch.hostkey;

import dev.kexwatch.probe.ServerText;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/** Type, size and fingerprint of a public key, computed the way {@code ssh-keygen -l} prints them. */
public final class KeyFacts {

    /** Larger than any key OpenSSH generates (16,384-bit RSA is its maximum); bigger ones are refused unread. */
    public static final int MAX_BITS = 16_384;

    private KeyFacts() {
    }

    public static KeyInfo of(PublicKey key) {
        PublicKey plain = key instanceof OpenSshCertificate cert ? cert.getCertPubKey() : key;
        return new KeyInfo(type(plain), bits(plain), fingerprint(plain));
    }

    static String type(PublicKey key) {
        String type = KeyUtils.getKeyType(key);
        return type == null ? key.getAlgorithm() : type;
    }

    /** RSA modulus, DSA p, the ECDSA curve's field size; Ed25519 keys are 256 bits (RFC 8709). */
    static int bits(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return rsa.getModulus().bitLength();
        }
        if (key instanceof DSAPublicKey dsa) {
            return dsa.getParams().getP().bitLength();
        }
        if (key instanceof ECPublicKey ec) {
            return ec.getParams().getCurve().getField().getFieldSize();
        }
        String type = type(key);
        return type.contains("ed25519") ? 256 : type.contains("ed448") ? 456 : 0;
    }

    /** {@code SHA256:} + unpadded base64 of SHA-256 over the key blob (RFC 4253 §6.6), as OpenSSH 6.8+ prints it. */
    static String fingerprint(PublicKey key) {
        ByteArrayBuffer blob = new ByteArrayBuffer();
        blob.putRawPublicKey(key);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob.getCompactData());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The key type a host-key algorithm must carry: {@code rsa-sha2-512} signs with an {@code ssh-rsa} key. */
    static String keyTypeFor(String algorithm) {
        String plain = algorithm.replace("-cert-v01@openssh.com", "");
        return plain.startsWith("rsa-sha2-") ? "ssh-rsa" : plain;
    }

    /** Server-supplied text (an exception message quoting it) made safe for a detail sentence. */
    static String safe(String text) {
        return ServerText.bounded(text == null ? "" : text, 200);
    }
}
