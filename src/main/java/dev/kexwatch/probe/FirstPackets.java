package dev.kexwatch.probe;

import dev.kexwatch.algorithm.ServerOffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.BufferException;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * The server's binary packets before key exchange (RFC 4253 §6): {@code uint32 packet_length, byte
 * padding_length, payload, padding}, with no MAC since nothing is negotiated yet. Skips what §11 lets a
 * server send at any time (IGNORE, DEBUG, UNIMPLEMENTED), reports DISCONNECT, and ends the probe at the
 * first SSH_MSG_KEXINIT; whatever follows it (a guessed kex packet, §7) is never read.
 */
final class FirstPackets {

    /** §6.1: padding_length byte plus at least 4 bytes of padding. */
    static final int MIN_PACKET_LENGTH = 5;
    /** MINA's own limit; §6.1 asks for 35,000 at least, real KEXINITs are 1-2 KB. */
    static final int MAX_PACKET_LENGTH = 256 * 1024;
    private static final int KEXINIT_LISTS = 10;
    private static final int COOKIE_BYTES = 16;

    private final ProbeAttempt attempt;

    FirstPackets(ProbeAttempt attempt) {
        this.attempt = attempt;
    }

    /**
     * Reads one packet from {@code data[offset, offset + length)} if it is all there.
     *
     * @return the bytes it took, 0 when the packet is incomplete (or the probe ended on a bad header)
     */
    int next(byte[] data, int offset, int length) {
        if (length < 4) {
            return 0;
        }
        long packetLength = uint32(data, offset);
        if (packetLength < MIN_PACKET_LENGTH || packetLength > MAX_PACKET_LENGTH) {
            attempt.fail(ProbeOutcome.PROTOCOL_ERROR, "invalid packet_length " + packetLength + " (RFC 4253 §6.1)");
            return 0;
        }
        if (length < 5) {
            return 0;
        }
        int padding = data[offset + 4] & 0xff;
        int payloadLength = (int) packetLength - padding - 1;
        if (payloadLength < 1) {
            attempt.fail(ProbeOutcome.PROTOCOL_ERROR, "padding_length " + padding + " leaves no payload in a"
                    + " packet_length of " + packetLength + " (RFC 4253 §6)");
            return 0;
        }
        if (length < 4 + packetLength) {
            return 0;
        }
        message(new ByteArrayBuffer(data, offset + 5, payloadLength));
        return 4 + (int) packetLength;
    }

    private void message(Buffer payload) {
        int type = payload.getUByte();
        switch (type) {
            case SshConstants.SSH_MSG_KEXINIT -> kexinit(payload);
            case SshConstants.SSH_MSG_DISCONNECT -> disconnect(payload);
            case SshConstants.SSH_MSG_IGNORE, SshConstants.SSH_MSG_DEBUG, SshConstants.SSH_MSG_UNIMPLEMENTED -> {
                // §11: allowed at any time and meaningless to a probe
            }
            default -> attempt.fail(ProbeOutcome.PROTOCOL_ERROR, "message " + type
                    + " before the server's SSH_MSG_KEXINIT (RFC 4253 §7.1)");
        }
    }

    /**
     * §7.1: {@code byte[16] cookie, name-list x 10, boolean first_kex_packet_follows, uint32 0}. The ten
     * lists are kept verbatim; the two trailing fields do not matter to a probe, so a server that leaves
     * them out is still read.
     */
    private void kexinit(Buffer payload) {
        try {
            if (payload.available() < COOKIE_BYTES) {
                throw new BufferException("no cookie");
            }
            payload.rpos(payload.rpos() + COOKIE_BYTES);
            List<List<String>> lists = new ArrayList<>(KEXINIT_LISTS);
            for (int i = 0; i < KEXINIT_LISTS; i++) {
                lists.add(ServerOffer.split(ServerText.decode(payload.getBytes())));
            }
            attempt.kexinit(lists);
        } catch (BufferException e) {
            attempt.fail(ProbeOutcome.PROTOCOL_ERROR, "malformed SSH_MSG_KEXINIT: it ends before its ten"
                    + " name-lists (RFC 4253 §7.1)");
        }
    }

    /** §11.1: {@code uint32 reason code, string description, string language tag}. */
    private void disconnect(Buffer payload) {
        String reason = payload.available() >= 4 ? String.valueOf(payload.getUInt()) : "?";
        String description;
        try {
            description = ServerText.decode(payload.getBytes());
        } catch (BufferException e) {
            description = "(no description)";
        }
        attempt.fail(ProbeOutcome.CLOSED_EARLY, "the server disconnected " + FailureClassifier.phase(attempt)
                + " (SSH_MSG_DISCONNECT reason " + reason + "): " + Printable.of(description));
    }

    private static long uint32(byte[] data, int at) {
        return ((data[at] & 0xffL) << 24) | ((data[at + 1] & 0xffL) << 16) | ((data[at + 2] & 0xffL) << 8)
                | (data[at + 3] & 0xffL);
    }
}
