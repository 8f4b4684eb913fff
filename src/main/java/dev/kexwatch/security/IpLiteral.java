package dev.kexwatch.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IP address literals without ever asking DNS. Only the canonical forms count: dotted-quad IPv4
 * (RFC 791, no leading zeros) and IPv6 text (RFC 4291 §2.2), optionally in brackets or with a zone id.
 */
final class IpLiteral {

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
    /**
     * Forms that resolvers and {@code InetAddress} may read as an address though they are not dotted quads:
     * {@code 2130706433}, {@code 127.1}, {@code 0x7f.1}, {@code 0177.0.0.1}. A DNS name's last label is never
     * all-numeric (RFC 3696 §2), so anything ending like this is an address in disguise.
     */
    private static final Pattern NUMERIC_TAIL = Pattern.compile("(?i)(.*\\.)?(\\d+|0x[0-9a-f]*)\\.?");

    private IpLiteral() {
    }

    /** The address a literal names; empty for anything that is not a canonical literal (names included). */
    static Optional<InetAddress> parse(String text) {
        String s = unbracket(text.strip());
        if (IPV4.matcher(s).matches()) {
            return Optional.of(v4(s));
        }
        int zone = s.indexOf('%');
        String bare = zone >= 0 ? s.substring(0, zone) : s;
        if (bare.indexOf(':') < 0 || !IPV6_CHARS.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            // Safe: a string of hex digits, colons and dots with a colon is parsed as a literal, never looked up.
            return Optional.of(InetAddress.getByName(bare));
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** True for numeric forms that are not canonical literals, which a resolver could still turn into an address. */
    static boolean isDisguisedAddress(String text) {
        String s = unbracket(text.strip());
        return parse(s).isEmpty() && (s.indexOf(':') >= 0 || NUMERIC_TAIL.matcher(s).matches());
    }

    private static String unbracket(String s) {
        return s.length() > 1 && s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
    }

    private static InetAddress v4(String dotted) {
        String[] parts = dotted.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) Integer.parseInt(parts[i]);
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }
}
