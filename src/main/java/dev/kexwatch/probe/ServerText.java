package dev.kexwatch.probe;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one place where bytes a server sent become text. The text is safe for every sink it reaches: no NUL
 * (PostgreSQL refuses it in text and jsonb), no control character (a terminal or a log viewer would obey
 * it), and valid Unicode. Control characters become {@code \xNN} (C1 controls {@code \}{@code u0080}-style),
 * bytes that are not UTF-8 {@code \xNN}; valid UTF-8 stays as it is, so real names and banners read the same.
 * A backslash the server sent is kept as it is: the text is for people and policies, not to be decoded back.
 */
public final class ServerText {

    private ServerText() {
    }

    /** Decodes {@code bytes[offset, offset + length)} as UTF-8, escaping what is unsafe. */
    public static String decode(byte[] bytes, int offset, int length) {
        if (plainAscii(bytes, offset, length)) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        CharBuffer chars = CharBuffer.allocate(length);
        StringBuilder out = new StringBuilder(length + 16);
        while (in.hasRemaining()) {
            CoderResult result = decoder.decode(in, chars, true);
            escapeInto(chars.flip(), out);
            chars.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    out.append(String.format("\\x%02x", in.get() & 0xff));
                }
            } else if (result.isUnderflow()) {
                break;
            }
        }
        return out.toString();
    }

    /** Decodes a whole array; see {@link #decode(byte[], int, int)}. */
    public static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Escapes what is unsafe in text that is already a string (e.g. an exception message about a server). */
    public static String escape(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        escapeInto(text, out);
        return out.toString();
    }

    /** Escapes {@code text} and keeps at most {@code max} characters of it, never half a surrogate pair. */
    public static String bounded(String text, int max) {
        String escaped = escape(text.length() > max * 4 ? text.substring(0, max * 4) : text);
        if (escaped.length() <= max) {
            return escaped;
        }
        int cut = Character.isHighSurrogate(escaped.charAt(max - 1)) ? max - 1 : max;
        return escaped.substring(0, cut) + "…";
    }

    private static void escapeInto(CharSequence text, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else if (c >= 0x80 && c <= 0x9f || Character.isSurrogate(c) && !pairedSurrogate(text, i)) {
                // C1 controls (0x9b is an 8-bit CSI) and lone surrogates (no valid UTF-8 for a store)
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
    }

    private static boolean pairedSurrogate(CharSequence text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    private static boolean plainAscii(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] < 0x20 || bytes[i] == 0x7f) { // bytes over 0x7f are negative
                return false;
            }
        }
        return true;
    }
}
