package dev.kexwatch.hostkey;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The unencrypted binary packets of an SSH connection before its first NEWKEYS (RFC 4253 §6), read with
 * a hard size bound: a hostile length field costs an error, not memory.
 */
final class PlainPackets {

    /** RFC 4253 §6.1 asks every implementation to take 35,000-byte packets; nothing before NEWKEYS needs more. */
    static final int MAX_PACKET = 35_000;
    private static final int MAX_IDENT_BYTES = 8 * 1024;

    private final DataInputStream in;
    private final OutputStream out;

    PlainPackets(InputStream in, OutputStream out) {
        this.in = new DataInputStream(in);
        this.out = out;
    }

    /** Skips pre-identification lines (RFC 4253 §4.2) and returns the server's identification line. */
    String identification() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int read = 0; read < MAX_IDENT_BYTES; read++) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("closed before the identification line");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String text = line.toString(StandardCharsets.UTF_8).strip();
            if (text.startsWith("SSH-")) {
                return text;
            }
            line.reset();
        }
        throw new IOException("no identification line in " + MAX_IDENT_BYTES + " bytes");
    }

    /** The next packet's payload, skipping SSH_MSG_IGNORE and SSH_MSG_DEBUG. */
    ByteBuffer next() throws IOException {
        while (true) {
            int length = in.readInt();
            if (length < 5 || length > MAX_PACKET) {
                throw new IOException("packet length " + Integer.toUnsignedString(length) + " outside 5.."
                        + MAX_PACKET);
            }
            byte[] packet = new byte[length];
            in.readFully(packet);
            int padding = packet[0] & 0xff;
            if (padding + 1 >= length) {
                throw new IOException("padding " + padding + " longer than the packet");
            }
            ByteBuffer payload = ByteBuffer.wrap(packet, 1, length - 1 - padding).slice();
            int type = payload.get(0) & 0xff;
            if (type != 2 && type != 4) {
                return payload;
            }
        }
    }

    void writeLine(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    void write(byte[] payload) throws IOException {
        int padding = 8 - ((5 + payload.length) % 8);
        if (padding < 4) {
            padding += 8;
        }
        ByteBuffer packet = ByteBuffer.allocate(4 + 1 + payload.length + padding);
        packet.putInt(1 + payload.length + padding).put((byte) padding).put(payload);
        out.write(packet.array());
        out.flush();
    }
}
