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
    private final Pattern pattern;

    private Glob(String text, Pattern pattern) {
        this.text = text;
        this.pattern = pattern;
    }

    /** Compiles a pattern, or explains why it is not one. */
    public static Glob compile(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException(problem(text)));
    }

    public static Optional<Glob> parse(String text) {
        if (text == null || !ALLOWED.matcher(text).matches()) {
            return Optional.empty();
        }
        StringBuilder regex = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Optional.of(new Glob(text, Pattern.compile(regex.toString())));
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
        return pattern.matcher(name).matches();
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
