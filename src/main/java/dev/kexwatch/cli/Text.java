package dev.kexwatch.cli;

/**
 * Makes text from a server safe to print: a banner or algorithm name is hostile data, and a raw ESC, NUL or C1
 * byte in it could drive the operator's terminal (issue 13, item 8). Every control character becomes a visible
 * escape ({@code \e}, {@code \x00}, {@code \u009b}); bidirectional overrides too, since they reorder what is shown.
 */
final class Text {

    private Text() {
    }

    /** The text with every dangerous character escaped; an exception's missing message (null) becomes "". */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (dangerous(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 8).append(text, 0, i);
                }
                out.append(escape(c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    static boolean dangerous(char c) {
        // Surrogates too: SSH names are US-ASCII (RFC 4251 §6), and an unpaired one is not even valid in XML.
        return Character.isISOControl(c) || Character.isSurrogate(c) || bidi(c) || c == '\uFFFE' || c == '\uFFFF';
    }

    private static boolean bidi(char c) {
        return c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    private static String escape(char c) {
        return switch (c) {
            case '\u001b' -> "\\e";
            case '\t' -> "\\t";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            default -> c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
        };
    }
}
