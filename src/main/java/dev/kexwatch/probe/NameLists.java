package dev.kexwatch.probe;

import dev.kexwatch.algorithm.ServerOffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.BufferException;

/**
 * Reads name-lists ({@code uint32 length, comma-separated names}, RFC 4251 §5) straight into lists of names,
 * each name made once from the wire bytes: no joined string to split and copy again.
 */
final class NameLists {

    private NameLists() {
    }

    /**
     * Reads {@code count} name-lists from the payload's read position on.
     *
     * @throws BufferException when the payload ends before the last of them does
     */
    static List<List<String>> read(Buffer payload, int count) {
        List<List<String>> lists = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long length = payload.getUInt();
            if (length > payload.available()) {
                throw new BufferException("name-list of " + length + " bytes, " + payload.available() + " left");
            }
            int from = payload.rpos();
            lists.add(names(payload.array(), from, from + (int) length));
            payload.rpos(from + (int) length);
        }
        return lists;
    }

    /** The names of {@code data[from, to)}; empty names between commas are kept, as {@link ServerOffer#split}. */
    static List<String> names(byte[] data, int from, int to) {
        if (from == to) {
            return List.of();
        }
        if (!ascii(data, from, to)) {
            // UTF-8 decoded whole, then split, exactly as before: a malformed sequence is replaced the same way
            return List.copyOf(ServerOffer.split(new String(data, from, to - from, StandardCharsets.UTF_8)));
        }
        String[] names = new String[commas(data, from, to) + 1];
        int start = from;
        int n = 0;
        for (int i = from; i <= to; i++) {
            if (i == to || data[i] == ',') {
                names[n++] = new String(data, start, i - start, StandardCharsets.ISO_8859_1); // ASCII: a copy
                start = i + 1;
            }
        }
        return List.of(names);
    }

    private static boolean ascii(byte[] data, int from, int to) {
        for (int i = from; i < to; i++) {
            if (data[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private static int commas(byte[] data, int from, int to) {
        int commas = 0;
        for (int i = from; i < to; i++) {
            if (data[i] == ',') {
                commas++;
            }
        }
        return commas;
    }
}
