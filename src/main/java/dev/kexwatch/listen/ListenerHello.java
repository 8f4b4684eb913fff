package dev.kexwatch.listen;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * What the listener sends: its identification line (RFC 4253 §4.2), an SSH_MSG_KEXINIT offering a broad set
 * (§7.1) so that clients which wait for the server's KEXINIT send theirs, and SSH_MSG_DISCONNECT (§11.1).
 * Packets are unencrypted and without MAC, as before the first key exchange (§6).
 */
final class ListenerHello {

    static final String IDENTIFICATION = "SSH-2.0-kexwatch_listen";
    /** §11.1 reason codes. */
    static final int PROTOCOL_ERROR = 2;
    static final int BY_APPLICATION = 11;
    static final String CAPTURED_REASON = "kexwatch listen captured this client's KEXINIT for an algorithm audit;"
            + " it is not an SSH server (no key exchange, no login)";

    /**
     * Old and new names alike, so that no client stops before sending its KEXINIT; no strict-KEX or ext-info
     * marker, since nothing is negotiated.
     */
    private static final List<String> OFFER = List.of(
            "mlkem768x25519-sha256,sntrup761x25519-sha512,sntrup761x25519-sha512@openssh.com,curve25519-sha256,"
                    + "curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,"
                    + "diffie-hellman-group-exchange-sha256,diffie-hellman-group16-sha512,"
                    + "diffie-hellman-group18-sha512,diffie-hellman-group14-sha256,diffie-hellman-group14-sha1,"
                    + "diffie-hellman-group-exchange-sha1,diffie-hellman-group1-sha1",
            "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,rsa-sha2-512,rsa-sha2-256,"
                    + "ssh-rsa,ssh-dss",
            ciphers(), ciphers(), macs(), macs(), "none,zlib@openssh.com,zlib", "none,zlib@openssh.com,zlib", "", "");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ListenerHello() {
    }

    static byte[] identification() {
        return (IDENTIFICATION + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] kexinit() {
        ByteArrayBuffer payload = new ByteArrayBuffer();
        payload.putByte(SshConstants.SSH_MSG_KEXINIT);
        byte[] cookie = new byte[16];
        RANDOM.nextBytes(cookie);
        payload.putRawBytes(cookie);
        OFFER.forEach(list -> payload.putString(list, StandardCharsets.US_ASCII));
        payload.putBoolean(false);
        payload.putUInt(0);
        return packet(payload);
    }

    static byte[] disconnect(int reason, String description) {
        ByteArrayBuffer payload = new ByteArrayBuffer();
        payload.putByte(SshConstants.SSH_MSG_DISCONNECT);
        payload.putUInt(reason);
        payload.putString(description, StandardCharsets.UTF_8);
        payload.putString("");
        return packet(payload);
    }

    /** §6: the whole packet a multiple of 8 bytes, with 4 to 11 bytes of padding. */
    private static byte[] packet(ByteArrayBuffer payload) {
        int length = payload.available();
        int padding = 8 - (length + 5) % 8;
        padding = padding < 4 ? padding + 8 : padding;
        ByteArrayBuffer packet = new ByteArrayBuffer(length + padding + 5);
        packet.putUInt(length + padding + 1L);
        packet.putByte((byte) padding);
        packet.putRawBytes(payload.array(), payload.rpos(), length);
        packet.putRawBytes(new byte[padding]);
        return packet.getCompactData();
    }

    private static String ciphers() {
        return "chacha20-poly1305@openssh.com,aes128-gcm@openssh.com,aes256-gcm@openssh.com,aes128-ctr,aes192-ctr,"
                + "aes256-ctr,aes128-cbc,aes192-cbc,aes256-cbc,3des-cbc";
    }

    private static String macs() {
        return "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,umac-128-etm@openssh.com,"
                + "hmac-sha1-etm@openssh.com,hmac-sha2-256,hmac-sha2-512,umac-128@openssh.com,hmac-sha1,hmac-md5";
    }
}
