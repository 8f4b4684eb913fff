package dev.kexwatch.testsupport;

import dev.kexwatch.probe.ProbeOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * What a {@link HostileSshServer} does with each connection: broken, odd and malicious servers a probe
 * must survive. Behaviours that a correct probe must still read successfully say so in their Javadoc.
 */
public enum HostileBehaviour {
    /** 64 KiB of random bytes, then silence. */
    RANDOM_GARBAGE(ProbeOutcome.NOT_SSH, c -> {
        byte[] junk = new byte[64 * 1024];
        new Random(42).nextBytes(junk);
        c.write(junk);
        c.holdOpen();
    }),
    /** An HTTP server answering the client's first line. */
    HTTP(ProbeOutcome.NOT_SSH, c -> {
        c.readLine();
        c.write("HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        c.closeGracefully();
    }),
    /** An SSH-1 only server. */
    SSH_1_5(ProbeOutcome.SSH1_ONLY, c -> {
        c.write("SSH-1.5-OldSSH_1.2.27\r\n");
        c.holdOpen();
    }),
    /** SSH-1.99 means "SSH-2 as well" (RFC 4253 §5.1): must succeed. */
    SSH_1_99(ProbeOutcome.OK, c -> c.identAndKexinit("SSH-1.99-Compat_1.0", Kexinits.standard(), false)),
    /** An identification line of 300 bytes, over RFC 4253 §4.2's 255. */
    LONG_IDENTIFICATION(ProbeOutcome.PROTOCOL_ERROR, c -> {
        c.write("SSH-2.0-" + "L".repeat(292) + "\r\n");
        c.writePacket(SshPackets.kexinitPayload(Kexinits.standard(), false));
        c.holdOpen();
    }),
    /** 1,000 lines before a valid identification and KEXINIT: must succeed, keeping a bounded number. */
    THOUSAND_PRE_IDENT_LINES(ProbeOutcome.OK, c -> {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            lines.append("banner line ").append(i).append("\r\n");
        }
        c.write(lines.toString());
        c.identAndKexinit("SSH-2.0-Chatty_1.0", Kexinits.standard(), false);
    }),
    /** Pre-identification lines without end. */
    ENDLESS_PRE_IDENT(ProbeOutcome.NOT_SSH, c -> {
        byte[] line = "welcome, this banner never ends\r\n".getBytes(StandardCharsets.US_ASCII);
        while (true) {
            c.write(line);
        }
    }),
    /** A packet_length of 2^31-1 after a valid identification, then the start of a payload. */
    HUGE_PACKET_LENGTH(ProbeOutcome.PROTOCOL_ERROR, c -> {
        c.write("SSH-2.0-Huge_1.0\r\n");
        c.write(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 4, 20});
        c.write(new byte[64]);
        c.holdOpen();
    }),
    /** padding_length larger than the packet. */
    PADDING_OVER_PACKET(ProbeOutcome.PROTOCOL_ERROR, c -> {
        c.write("SSH-2.0-Pad_1.0\r\n");
        c.write(new byte[] {0, 0, 0, 12, (byte) 200, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        c.holdOpen();
    }),
    /** 100,000 one-letter names in the kex list (200 KB, under the 256 KiB cap): must succeed. */
    HUNDRED_THOUSAND_NAMES(ProbeOutcome.OK, c -> c.identAndKexinit("SSH-2.0-Many_1.0", Kexinits.withKex(Kexinits.manyNames()),
            false)),
    /** Non-ASCII and empty names in a list: must succeed and keep them. */
    ODD_NAMES(ProbeOutcome.OK, c -> c.identAndKexinit("SSH-2.0-Odd_1.0", Kexinits.withKex("curve25519-sha256,,ключ-sha256,ñandú"),
            false)),
    /** All ten lists empty: must succeed. */
    EMPTY_LISTS(ProbeOutcome.OK, c -> c.identAndKexinit("SSH-2.0-Empty_1.0", Collections.nCopies(10, ""), false)),
    /** Names repeated within a list: must succeed and keep the repeats. */
    DUPLICATE_NAMES(ProbeOutcome.OK, c -> c.identAndKexinit("SSH-2.0-Dup_1.0",
            Kexinits.withKex("curve25519-sha256,curve25519-sha256,diffie-hellman-group14-sha256,curve25519-sha256"),
            false)),
    /** One byte per second. */
    ONE_BYTE_PER_SECOND(ProbeOutcome.TIMEOUT_IDENTIFICATION, c -> {
        for (byte b : "SSH-2.0-Slow_1.0\r\n".getBytes(StandardCharsets.US_ASCII)) {
            c.write(new byte[] {b});
            c.pause(1000);
        }
    }),
    /** Accepts and never sends anything. */
    SILENT(ProbeOutcome.TIMEOUT_IDENTIFICATION, Conn::holdOpen),
    /** Sends its identification line, then nothing: no KEXINIT ever comes. */
    IDENTIFICATION_THEN_SILENT(ProbeOutcome.TIMEOUT_KEXINIT, c -> {
        c.write("SSH-2.0-Mute_1.0\r\n");
        c.holdOpen();
    }),
    /** Resets the connection in the middle of the KEXINIT packet. */
    RESET_MID_PACKET(ProbeOutcome.RESET, c -> {
        c.write("SSH-2.0-Reset_1.0\r\n");
        byte[] packet = SshPackets.packet(SshPackets.kexinitPayload(Kexinits.standard(), false));
        c.write(java.util.Arrays.copyOf(packet, packet.length / 2));
        c.pause(100);
        c.reset();
    }),
    /** Closes right after the identification line. */
    CLOSE_AFTER_IDENT(ProbeOutcome.CLOSED_EARLY, c -> {
        c.write("SSH-2.0-Gone_1.0\r\n");
        c.closeGracefully();
    }),
    /** Identification and KEXINIT written one byte per TCP segment: must succeed. */
    ONE_BYTE_SEGMENTS(ProbeOutcome.OK, c -> {
        byte[] all = concat(("SSH-2.0-Trickle_1.0\r\n").getBytes(StandardCharsets.US_ASCII),
                SshPackets.packet(SshPackets.kexinitPayload(Kexinits.standard(), false)));
        for (byte b : all) {
            c.write(new byte[] {b});
        }
        c.holdOpen();
    }),
    /** first_kex_packet_follows set, with the guessed kex packet after the KEXINIT: must succeed. */
    GUESSED_KEX_PACKET(ProbeOutcome.OK, c -> {
        c.identAndKexinit("SSH-2.0-Guess_1.0", Kexinits.standard(), true);
    }),
    /** Different client-to-server and server-to-client lists: must succeed and keep them apart. */
    ASYMMETRIC_LISTS(ProbeOutcome.OK, c -> c.identAndKexinit("SSH-2.0-Asym_1.0", Kexinits.asymmetric(), false)),
    /** A flood of valid SSH_MSG_IGNORE packets that never reaches a KEXINIT: the per-host byte cap ends it. */
    IGNORE_FLOOD(ProbeOutcome.PROTOCOL_ERROR, c -> {
        c.write("SSH-2.0-Flood_1.0\r\n");
        byte[] ignore = SshPackets.packet(SshPackets.messageWithString(SshPackets.MSG_IGNORE, new byte[16 * 1024]));
        while (true) {
            c.write(ignore);
        }
    }),
    /** A server that is full: SSH_MSG_DISCONNECT instead of a KEXINIT, as OpenSSH does past MaxStartups. */
    DISCONNECT_BEFORE_KEXINIT(ProbeOutcome.CLOSED_EARLY, c -> {
        c.write("SSH-2.0-Busy_1.0\r\n");
        c.writePacket(SshPackets.disconnectPayload(2, "too many connections"));
        c.closeGracefully();
    }),
    /** A NUL byte inside the identification line. */
    NUL_IN_IDENTIFICATION(ProbeOutcome.PROTOCOL_ERROR, c -> {
        c.write("SSH-2.0-Nul\0_1.0\r\n");
        c.holdOpen();
    }),
    /** A NUL byte inside a KEXINIT name: must succeed, the name kept escaped ({@code \x00}). */
    NUL_IN_NAMES(ProbeOutcome.OK, c -> c.identAndKexinit("SSH-2.0-NulNames_1.0",
            Kexinits.withKex("curve25519-sha256,evil\0name"), false)),
    /** Bytes that are not UTF-8 in a KEXINIT name: must succeed, the bytes kept escaped. */
    INVALID_UTF8_IN_NAMES(ProbeOutcome.OK, c -> {
        c.write("SSH-2.0-Latin1_1.0\r\n");
        List<byte[]> lists = new ArrayList<>(Kexinits.standard().stream().map(Kexinits::utf8).toList());
        lists.set(0, concat(Kexinits.utf8("curve25519-sha256,bad"), new byte[] {(byte) 0xff, (byte) 0xfe, '-', (byte) 0xc3}));
        c.writePacket(SshPackets.kexinitPayloadOfBytes(lists, false));
        c.holdOpen();
    }),
    /** Bytes that are not UTF-8 in the identification line: must succeed, the bytes kept escaped. */
    INVALID_UTF8_IN_IDENTIFICATION(ProbeOutcome.OK, c -> {
        c.write(concat(Kexinits.utf8("SSH-2.0-Bad"), new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3, '_', '1', '\r', '\n'}));
        c.writePacket(SshPackets.kexinitPayload(Kexinits.standard(), false));
        c.holdOpen();
    }),
    /** Terminal escape sequences (clear screen, set title, 8-bit CSI) in the comment: must succeed, escaped. */
    ESC_IN_IDENTIFICATION(ProbeOutcome.OK, c -> c.identAndKexinit(
            "SSH-2.0-Esc_1.0 \u001b[2J\u001b]0;pwned\u0007\u009b31m", Kexinits.standard(), false)),
    /** Terminal escape sequences in KEXINIT names: must succeed, escaped. */
    ESC_IN_NAMES(ProbeOutcome.OK, c -> c.identAndKexinit("SSH-2.0-EscNames_1.0",
            Kexinits.withKex("\u001b[31mred\u001b[0m,curve25519-sha256,\u007fdel"), false)),
    /** One name of 64 KiB: must succeed and keep it whole. */
    HUGE_NAME(ProbeOutcome.OK, c -> c.identAndKexinit("SSH-2.0-HugeName_1.0",
            Kexinits.withKex("curve25519-sha256," + "x".repeat(64 * 1024)), false)),
    /** A NUL byte in a line before the identification. */
    NUL_IN_PRE_IDENT(ProbeOutcome.NOT_SSH, c -> {
        c.write("hello\0world\r\n");
        c.identAndKexinit("SSH-2.0-NulBanner_1.0", Kexinits.standard(), false);
    }),
    /** A NUL byte and an escape sequence in the reason of an SSH_MSG_DISCONNECT. */
    NUL_IN_DISCONNECT(ProbeOutcome.CLOSED_EARLY, c -> {
        c.write("SSH-2.0-BusyNul_1.0\r\n");
        c.writePacket(SshPackets.disconnectPayload(2, "too\0many\u001b[2J"));
        c.closeGracefully();
    });

    private final ProbeOutcome expected;
    private final Script script;

    HostileBehaviour(ProbeOutcome expected, Script script) {
        this.expected = expected;
        this.script = script;
    }

    /** The outcome a correct probe ends this conversation with. */
    public ProbeOutcome expected() {
        return expected;
    }

    void play(Conn connection) throws IOException {
        script.play(connection);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** What one behaviour does with one connection. */
    @FunctionalInterface
    public interface Script {
        void play(Conn connection) throws IOException;
    }

    /** KEXINIT name-lists the behaviours send. */
    public static final class Kexinits {

        private Kexinits() {
        }

        static byte[] utf8(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        public static List<String> standard() {
            return List.of("curve25519-sha256,diffie-hellman-group14-sha256", "ssh-ed25519,rsa-sha2-512",
                    "aes128-ctr,aes256-ctr", "aes128-ctr,aes256-ctr", "hmac-sha2-256,hmac-sha1",
                    "hmac-sha2-256,hmac-sha1", "none", "none", "", "");
        }

        public static List<String> withKex(String kex) {
            List<String> lists = new ArrayList<>(standard());
            lists.set(0, kex);
            return lists;
        }

        public static List<String> asymmetric() {
            return List.of("curve25519-sha256", "ssh-ed25519", "aes128-ctr", "aes256-gcm@openssh.com,aes128-cbc",
                    "hmac-sha2-256", "hmac-md5,hmac-sha1", "none", "zlib@openssh.com,none", "en-US", "");
        }

        /** 100,000 names drawn from the 26 letters: 200,000 bytes on the wire. */
        public static String manyNames() {
            StringBuilder names = new StringBuilder(200_000);
            for (int i = 0; i < 100_000; i++) {
                if (i > 0) {
                    names.append(',');
                }
                names.append((char) ('a' + i % 26));
            }
            return names.toString();
        }
    }
}
