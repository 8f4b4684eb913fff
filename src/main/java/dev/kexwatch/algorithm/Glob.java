package dev.kexwatch.algorithm;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A name pattern: {@code *} matches any run of characters, {@code ?} one character, everything else itself. Only the
 * characters SSH algorithm names use are allowed (RFC 4251 §6: printable US-ASCII without comma or whitespace), so a
 * typo such as {@code [cbc]} or {@code *-sha1,*-md5} is refused rather than silently matching nothing.
 */
public final class Glob {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9@._+/=*?-]+");

    private final String text;

    private Glob(String text) {
        this.text = text;
    }

    /** Compiles a pattern, or explains why it is not one. */
    public static Glob compile(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(problem(text)));
    }

    public static Optional<Glob> parse(String text) {
        if (text == null || !ALLOWED.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Glob(text));
    }

    /** Why a text is not a glob, for error messages. */
    public static String problem(String text) {
        if (text == null || text.isEmpty()) {
            return "empty name pattern";
        }
        for (char c : text.toCharArray()) {
            if (!ALLOWED.matcher(String.valueOf(c)).matches()) {
                return "bad glob '" + text + "': character '" + c + "' cannot occur in an SSH algorithm name"
                        + " (only letters, digits, @ . _ + / = - and the wildcards * and ?)";
            }
        }
        return "bad glob '" + text + "'";
    }

    public boolean matches(String name) {
        return matches(text, name);
    }

    /**
     * Matches {@code name} against any pattern text ({@code *} any run, {@code ?} one character), unchecked: for
     * patterns users write elsewhere (sshd_config lines in what-if). Never backtracks: each segment between stars
     * is placed once, at its leftmost fit, which is enough for a glob; so the time is at most name length times
     * pattern length, however many wildcards there are (a regex of ten {@code .*} took seconds per name).
     */
    public static boolean matches(String pattern, String name) {
        String[] segments = pattern.split("\\*", -1);
        if (segments.length == 1) {
            return name.length() == pattern.length() && fits(pattern, name, 0);
        }
        String first = segments[0];
        String last = segments[segments.length - 1];
        int end = name.length() - last.length();
        if (end < first.length() || !fits(first, name, 0) || !fits(last, name, end)) {
            return false;
        }
        int at = first.length();
        for (int i = 1; i < segments.length - 1 && at >= 0; i++) {
            int found = find(segments[i], name, at, end);
            at = found < 0 ? -1 : found + segments[i].length();
        }
        return at >= 0;
    }

    /** True when {@code segment} (no stars) matches {@code name} at {@code at}. */
    private static boolean fits(String segment, String name, int at) {
        for (int j = 0; j < segment.length(); j++) {
            char c = segment.charAt(j);
            if (c != '?' && c != name.charAt(at + j)) {
                return false;
            }
        }
        return true;
    }

    /** The leftmost place in {@code name[from, end)} where {@code segment} fits whole, or -1. */
    private static int find(String segment, String name, int from, int end) {
        for (int i = from; i + segment.length() <= end; i++) {
            if (fits(segment, name, i)) {
                return i;
            }
        }
        return -1;
    }

    /** True when the pattern has no wildcard and so names exactly one algorithm. */
    public boolean isLiteral() {
        return text.indexOf('*') < 0 && text.indexOf('?') < 0;
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Glob glob && glob.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
