package dev.kexwatch.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds SSH binary packets (RFC 4253 §6) before encryption, for servers that play by hand. */
public final class SshPackets {

    public static final byte MSG_DISCONNECT = 1;
    public static final byte MSG_IGNORE = 2;
    public static final byte MSG_KEXINIT = 20;
    public static final byte MSG_KEX_ECDH_INIT = 30;

    private SshPackets() {
    }

    /** An SSH_MSG_KEXINIT payload (RFC 4253 §7.1) with the ten raw name-lists in wire order. */
    public static byte[] kexinitPayload(List<String> rawLists, boolean firstKexPacketFollows) {
        return kexinitPayloadOfBytes(rawLists.stream().map(list -> list.getBytes(StandardCharsets.UTF_8)).toList(),
                firstKexPacketFollows);
    }

    /** A KEXINIT payload with the ten name-lists as raw bytes, which need not be UTF-8 (hostile servers). */
    public static byte[] kexinitPayloadOfBytes(List<byte[]> rawLists, boolean firstKexPacketFollows) {
        if (rawLists.size() != 10) {
            throw new IllegalArgumentException("a KEXINIT has 10 name-lists");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MSG_KEXINIT);
        out.writeBytes(new byte[16]); // the cookie; its value does not matter to a probe
        rawLists.forEach(list -> writeString(out, list));
        out.write(firstKexPacketFollows ? 1 : 0);
        out.writeBytes(new byte[4]);
        return out.toByteArray();
    }

    /** A payload of one message type followed by one string, e.g. SSH_MSG_IGNORE data. */
    public static byte[] messageWithString(byte type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(type);
        writeString(out, data);
        return out.toByteArray();
    }

    /** SSH_MSG_DISCONNECT with a reason code and a description (RFC 4253 §11.1). */
    public static byte[] disconnectPayload(int reason, String description) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(MSG_DISCONNECT);
        out.writeBytes(ByteBuffer.allocate(4).putInt(reason).array());
        writeString(out, description.getBytes(StandardCharsets.UTF_8));
        writeString(out, new byte[0]);
        return out.toByteArray();
    }

    /** Wraps a payload into an unencrypted binary packet with valid padding (block size 8). */
    public static byte[] packet(byte[] payload) {
        int padding = 8 - ((5 + payload.length) % 8);
        if (padding < 4) {
            padding += 8;
        }
        ByteBuffer buffer = ByteBuffer.allocate(4 + 1 + payload.length + padding);
        buffer.putInt(1 + payload.length + padding);
        buffer.put((byte) padding);
        buffer.put(payload);
        return buffer.array(); // padding bytes stay zero, which is allowed before encryption
    }

    private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
