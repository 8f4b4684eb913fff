package dev.kexwatch.security;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which scan targets kexwatch may connect to, so that its API cannot be used to scan arbitrary networks.
 * Entries are CIDR networks or single addresses ({@code 10.0.0.0/8}, {@code 2001:db8::/32}, {@code 127.0.0.1})
 * and DNS domain suffixes ({@code corp.example.org}, also written {@code .corp.example.org} or
 * {@code *.corp.example.org}, matching that name and every name below it).
 *
 * <p>An IP target must lie in a listed network. A DNS name must match a listed suffix <em>and</em> every
 * address it resolves to must lie in a listed network: a name is only as trustworthy as the DNS answer, so the
 * networks are the real boundary. Numeric forms that are not canonical literals ({@code 2130706433},
 * {@code 127.1}, {@code 0x7f.0.0.1}) are refused, because resolvers read them as addresses.
 */
public final class ScanAllowlist {

    /** RFC 1123 §2.1 host names: letters, digits and hyphens per label; underscores occur in the wild. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");
    private static final int MAX_NAME = 253;

    private final List<Cidr> networks;
    private final List<String> domains;

    private ScanAllowlist(List<Cidr> networks, List<String> domains) {
        this.networks = List.copyOf(networks);
        this.domains = List.copyOf(domains);
    }

    /** Parses entries; every bad entry is named in the exception's message. */
    public static ScanAllowlist parse(Collection<String> entries) {
        List<Cidr> networks = new ArrayList<>();
        List<String> domains = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.indexOf('/') >= 0 || IpLiteral.parse(entry).isPresent()) {
                parseNetwork(entry, errors).ifPresent(networks::add);
            } else {
                suffixOf(entry).ifPresentOrElse(domains::add,
                        () -> errors.add("'" + entry + "' is neither a CIDR network, an IP address nor a domain suffix"));
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("scan allowlist: " + String.join("; ", errors));
        }
        return new ScanAllowlist(networks, domains);
    }

    public List<Cidr> networks() {
        return networks;
    }

    public List<String> domains() {
        return domains;
    }

    /**
     * Why {@code host} (an IP literal, a CIDR block or a DNS name, as an inventory holds it) may not be scanned;
     * empty when it may. A name passing here must still resolve into the networks: see {@link #whyRefusedResolved}.
     */
    public Optional<String> whyRefused(String host) {
        if (host.indexOf('/') >= 0) {
            return whyRefusedBlock(host);
        }
        Optional<InetAddress> literal = IpLiteral.parse(host);
        if (literal.isPresent()) {
            return permits(literal.get()) ? Optional.empty()
                    : Optional.of(host.strip() + " is outside the allowed networks " + networks);
        }
        if (IpLiteral.isDisguisedAddress(host)) {
            return Optional.of("'" + host + "' is not a canonical IP address (write dotted-quad IPv4 or IPv6)");
        }
        Optional<String> name = nameOf(host);
        if (name.isEmpty()) {
            return Optional.of("'" + host + "' is not a valid DNS name or IP address");
        }
        return matchesDomain(name.get()) ? Optional.empty()
                : Optional.of(name.get() + " is outside the allowed domains " + domains);
    }

    /** Why {@code host}, which resolved to {@code addresses}, may not be probed now; empty when it may. */
    public Optional<String> whyRefusedResolved(String host, Collection<InetAddress> addresses) {
        Optional<String> refused = whyRefused(host);
        if (refused.isPresent()) {
            return refused;
        }
        return addresses.stream().filter(a -> !permits(a)).findFirst()
                .map(a -> host + " resolves to " + a.getHostAddress() + ", outside the allowed networks " + networks);
    }

    /** Why a range of addresses may not be scanned: it must lie wholly inside one of the networks. */
    public Optional<String> whyRefused(Cidr range) {
        boolean inside = networks.stream().anyMatch(n -> n.prefix() <= range.prefix() && n.contains(range.network()));
        return inside ? Optional.empty() : Optional.of(range + " is not inside one of the allowed networks " + networks);
    }

    /** An inventory entry may name a CIDR block of hosts; it must be well-formed and inside one network. */
    private Optional<String> whyRefusedBlock(String block) {
        try {
            return whyRefused(Cidr.parse(block));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** True when {@code address} lies in one of the networks. */
    public boolean permits(InetAddress address) {
        return networks.stream().anyMatch(n -> n.contains(address));
    }

    @Override
    public String toString() {
        List<String> all = new ArrayList<>();
        networks.forEach(n -> all.add(n.toString()));
        all.addAll(domains);
        return String.join(",", all);
    }

    private boolean matchesDomain(String name) {
        return domains.stream().anyMatch(d -> name.equals(d) || name.endsWith("." + d));
    }

    private static Optional<Cidr> parseNetwork(String entry, List<String> errors) {
        try {
            return Optional.of(Cidr.parse(entry));
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return Optional.empty();
        }
    }

    /** A suffix entry without its wildcard or leading dot, which all mean "this name and every name below". */
    private static Optional<String> suffixOf(String entry) {
        String s = entry.strip();
        if (s.startsWith("*.")) {
            s = s.substring(2);
        } else if (s.startsWith(".")) {
            s = s.substring(1);
        }
        return nameOf(s);
    }

    /** The lower-case name without its trailing dot; empty when it is not a valid DNS host name. */
    private static Optional<String> nameOf(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty() || s.length() > MAX_NAME || IpLiteral.isDisguisedAddress(s)) {
            return Optional.empty();
        }
        for (String label : s.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }
}
