package dev.kexwatch.probe;

import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.util.Readable;

/**
 * Reads what a server sends first, byte by byte as it arrives in any segmentation: lines up to and
 * including its identification line (RFC 4253 §4.2), then unencrypted binary packets (§6) up to its
 * SSH_MSG_KEXINIT (§7.1). Every verdict goes to the {@link ProbeAttempt}; nothing here blocks or throws on
 * server input. One reader per connection, fed from one I/O thread at a time.
 */
final class ServerHelloReader {

    /** RFC 4253 §4.2: the identification line is at most 255 bytes including CR LF. */
    static final int MAX_IDENTIFICATION_LINE = 255;
    /**
     * Bytes read looking for the identification line, pre-identification lines included. §4.2 bounds the
     * line but not the lines before it; 64 KiB is plenty for any real banner and ends an endless stream.
     */
    static final int MAX_IDENTIFICATION_BYTES = 64 * 1024;

    private final ProbeAttempt attempt;
    private final int maxBytes;
    private final List<String> preIdentLines = new ArrayList<>(0);
    private final FirstPackets packets;
    private int preIdentCount;
    private byte[] buf = new byte[2048];
    private int start;
    private int end;
    private long total;
    private boolean identified;

    ServerHelloReader(ProbeAttempt attempt, int maxBytes) {
        this.attempt = attempt;
        this.maxBytes = maxBytes;
        this.packets = new FirstPackets(attempt);
    }

    /** Takes what arrived, up to the per-host byte cap, and reads as far as it goes. */
    void feed(Readable data) {
        if (attempt.finished()) {
            return; // the probe is over; whatever else arrives is not evidence
        }
        int available = data.available();
        int take = (int) Math.min(available, maxBytes - total);
        ensureRoom(take);
        data.getRawBytes(buf, end, take);
        end += take;
        total += take;
        attempt.bytesRead(total);
        readAll();
        if (!attempt.finished() && take < available) {
            attempt.fail(ProbeOutcome.PROTOCOL_ERROR, "the server sent more than " + maxBytes + " bytes "
                    + FailureClassifier.phase(attempt) + " (per-host cap)");
        }
    }

    private void readAll() {
        boolean progress = true;
        while (progress && !attempt.finished()) {
            progress = identified ? nextPacket() : nextLine();
        }
    }

    private boolean nextLine() {
        int newline = indexOf((byte) '\n');
        if (newline < 0) {
            checkPendingLine();
            return false;
        }
        int length = newline + 1 - start;
        int textEnd = newline > start && buf[newline - 1] == '\r' ? newline - 1 : newline;
        boolean nul = indexOf((byte) 0, start, textEnd) >= 0;
        String line = ServerText.decode(buf, start, textEnd - start);
        start = newline + 1;
        if (line.startsWith("SSH-")) {
            identification(line, length, nul);
        } else {
            preIdentification(line, nul);
        }
        return true;
    }

    /** A line still without its end may already be too long to be what it claims to be. */
    private void checkPendingLine() {
        int pending = end - start;
        if (pending > MAX_IDENTIFICATION_LINE && startsWithSsh()) {
            attempt.identification(ServerText.decode(buf, start, MAX_IDENTIFICATION_LINE),
                    preIdentLines, droppedLines());
            attempt.fail(ProbeOutcome.PROTOCOL_ERROR, "identification line longer than "
                    + MAX_IDENTIFICATION_LINE + " bytes (RFC 4253 §4.2)");
        } else if (total > MAX_IDENTIFICATION_BYTES) {
            noIdentification();
        }
    }

    private void preIdentification(String line, boolean nul) {
        attempt.firstLineIfNone(line);
        if (nul) {
            FailureClassifier.notSsh(attempt, "a NUL byte in a text line");
        } else if (total - (end - start) > MAX_IDENTIFICATION_BYTES) {
            noIdentification();
        } else {
            preIdentCount++;
            if (preIdentLines.size() < ProbeEngine.MAX_KEPT_PRE_IDENT_LINES) {
                preIdentLines.add(line);
            }
        }
    }

    private void noIdentification() {
        FailureClassifier.notSsh(attempt, "no SSH identification line in the first " + MAX_IDENTIFICATION_BYTES
                + " bytes");
    }

    private void identification(String line, int length, boolean nul) {
        attempt.firstLineIfNone(line);
        attempt.identification(line, preIdentLines, droppedLines());
        identified = true;
        String version = protocolVersion(line);
        if (length > MAX_IDENTIFICATION_LINE) {
            attempt.fail(ProbeOutcome.PROTOCOL_ERROR, "identification line of " + length + " bytes, over the "
                    + MAX_IDENTIFICATION_LINE + " of RFC 4253 §4.2");
        } else if (nul) {
            attempt.fail(ProbeOutcome.PROTOCOL_ERROR, "a NUL byte in the identification line '"
                    + Printable.of(line) + "' (RFC 4253 §4.2)");
        } else if (version.startsWith("1.") && !version.equals("1.99")) {
            attempt.fail(ProbeOutcome.SSH1_ONLY, "the server announced '" + Printable.of(line) + "'");
        } else if (!version.equals("2.0") && !version.equals("1.99")) {
            attempt.fail(ProbeOutcome.PROTOCOL_ERROR, "unknown protocol version in '" + Printable.of(line)
                    + "' (RFC 4253 §4.2, §5.1: 2.0 or 1.99)");
        }
    }

    /** {@code 2.0} in {@code SSH-2.0-OpenSSH_9.2p1}; SSH-1.99 means "2.0 as well" (RFC 4253 §5.1). */
    private static String protocolVersion(String line) {
        int dash = line.indexOf('-', 4);
        return dash < 0 ? line.substring(4) : line.substring(4, dash);
    }

    private int droppedLines() {
        return preIdentCount - preIdentLines.size();
    }

    private boolean nextPacket() {
        int consumed = packets.next(buf, start, end - start);
        start += consumed;
        return consumed > 0;
    }

    private boolean startsWithSsh() {
        return end - start >= 4 && buf[start] == 'S' && buf[start + 1] == 'S' && buf[start + 2] == 'H'
                && buf[start + 3] == '-';
    }

    private int indexOf(byte b) {
        return indexOf(b, start, end);
    }

    private int indexOf(byte b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Makes room for {@code n} more bytes: drops what was read, grows only for a large packet. */
    private void ensureRoom(int n) {
        if (end + n <= buf.length) {
            return;
        }
        int unread = end - start;
        byte[] target = unread + n <= buf.length ? buf : new byte[Math.max(unread + n, buf.length * 2)];
        System.arraycopy(buf, start, target, 0, unread);
        buf = target;
        start = 0;
        end = unread;
    }
}
