package dev.kexwatch.inventory;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** A CIDR block written in an inventory, e.g. {@code 192.0.2.0/28} or {@code 2001:db8::/124}. */
final class AddressBlock {

    private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F.:]+");

    private AddressBlock() {
    }

    /**
     * How many addresses the text stands for, without making them: 1 for a plain address or a name, the block's
     * size for CIDR notation (saturated at {@link Long#MAX_VALUE}), 0 for bad CIDR notation, which
     * {@link #expand} reports.
     */
    static long count(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return 1;
        }
        try {
            String base = text.substring(0, slash);
            int bits = prefix(text, text.substring(slash + 1));
            int width = LITERAL.matcher(base).matches() ? bytes(base).length * 8 : -1;
            return bits < 0 || bits > width ? 0 : width - bits >= 63 ? Long.MAX_VALUE : 1L << (width - bits);
        } catch (IllegalArgumentException bad) {
            return 0;
        }
    }

    /** Empty when the text is not CIDR notation (a plain address or a DNS name). */
    static Optional<List<String>> expand(String text, int cap) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String base = text.substring(0, slash);
        int bits = prefix(text, text.substring(slash + 1));
        if (!LITERAL.matcher(base).matches()) {
            throw new IllegalArgumentException("'" + base + "' is not an IP address");
        }
        byte[] address = bytes(base);
        int width = address.length * 8;
        if (bits > width) {
            throw new IllegalArgumentException("prefix /" + bits + " is longer than " + width + " bits");
        }
        BigInteger size = BigInteger.ONE.shiftLeft(width - bits);
        if (size.compareTo(BigInteger.valueOf(cap)) > 0) {
            throw new IllegalArgumentException(text + " has " + size + " addresses, more than the cap of " + cap
                    + " (kexwatch.inventory.max-range)");
        }
        BigInteger first = new BigInteger(1, address).andNot(size.subtract(BigInteger.ONE));
        List<String> addresses = new ArrayList<>(size.intValue());
        for (int i = 0; i < size.intValue(); i++) {
            addresses.add(toText(first.add(BigInteger.valueOf(i)), address.length));
        }
        return Optional.of(addresses);
    }

    private static int prefix(String text, String bits) {
        try {
            return Integer.parseInt(bits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has no numeric prefix length");
        }
    }

    /** Parses a literal only: {@link InetAddress#getByName} would resolve a name over the network. */
    private static byte[] bytes(String literal) {
        try {
            return InetAddress.getByName(literal).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + literal + "' is not an IP address");
        }
    }

    private static String toText(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] address = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, address, length - copy, copy);
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
