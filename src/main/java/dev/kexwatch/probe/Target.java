package dev.kexwatch.probe;

/** Where to probe: a DNS name or an IPv4/IPv6 literal, and a TCP port. */
public record Target(String host, int port) {

    public static final int SSH_PORT = 22;

    public Target {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("target host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("target port " + port + " is outside 1..65535");
        }
    }

    /**
     * Written out, as {@link #equals}: a record's generated one is bound on first use and runs through method handles,
     * which in a command line's first second (every target goes into a hash set and a map) is slow.
     */
    @Override
    public int hashCode() {
        return 31 * host.hashCode() + port;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Target that && port == that.port && host.equals(that.host);
    }

    /**
     * The address as spelled once: an IP literal in its canonical form ({@code ::ffff:127.0.0.2} is
     * {@code 127.0.0.2}, {@code [::1]} and {@code 0:0::1} are one), a name lower-cased without a trailing dot. Per-address politeness counts by this, so eight spellings of one address are one address.
     */
    public String addressKey() {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!HostLiteral.isIpLiteral(bare)) {
            return bare.toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.$", "");
        }
        try {
            return java.net.InetAddress.getByName(bare).getHostAddress(); // a literal: parsed, never looked up
        } catch (java.net.UnknownHostException notALiteral) {
            return bare.toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Parses {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}; a bare IPv6 literal
     * (more than one colon, no brackets) is taken whole, on port 22.
     */
    public static Target parse(String text) {
        String s = text.strip();
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("'" + text + "': missing ']' after IPv6 address");
            }
            String host = s.substring(1, close);
            String rest = s.substring(close + 1);
            if (rest.isEmpty()) {
                return new Target(host, SSH_PORT);
            }
            if (!rest.startsWith(":")) {
                throw new IllegalArgumentException("'" + text + "': expected ':port' after ']'");
            }
            return new Target(host, parsePort(text, rest.substring(1)));
        }
        int colon = s.lastIndexOf(':');
        if (colon < 0 || s.indexOf(':') != colon) {
            return new Target(s, SSH_PORT);
        }
        return new Target(s.substring(0, colon), parsePort(text, s.substring(colon + 1)));
    }

    private static int parsePort(String text, String port) {
        try {
            return Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "': port '" + port + "' is not a number");
        }
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
