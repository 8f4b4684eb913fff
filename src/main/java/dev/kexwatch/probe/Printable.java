package dev.kexwatch.probe;

/** Makes server-supplied text safe to show: control characters escaped, length bounded. */
final class Printable {

    private static final int MAX_CHARS = 200;

    private Printable() {
    }

    static String of(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS) + 8);
        for (int i = 0; i < text.length() && out.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (out.length() >= MAX_CHARS && text.length() > MAX_CHARS) {
            out.append('…');
        }
        return out.toString();
    }
}
