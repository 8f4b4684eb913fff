package dev.kexwatch.inventory;

import dev.kexwatch.security.Cidr;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * A CIDR block written in an inventory, e.g. {@code 192.0.2.0/28} or {@code 2001:db8::/124}; parsing is
 * {@link Cidr}'s, so an inventory range and an allowlist network read the same way.
 */
final class AddressBlock {

    private static final BigInteger MAX_COUNT = BigInteger.valueOf(Long.MAX_VALUE);

    private AddressBlock() {
    }

    /**
     * How many addresses the text stands for, without making them: 1 for a plain address or a name, the block's
     * size for CIDR notation (saturated at {@link Long#MAX_VALUE}), 0 for bad CIDR notation, which
     * {@link #expand} reports.
     */
    static long count(String text) {
        if (text.indexOf('/') < 0) {
            return 1;
        }
        try {
            return Cidr.parse(text).size().min(MAX_COUNT).longValueExact();
        } catch (IllegalArgumentException bad) {
            return 0;
        }
    }

    /** Empty when the text is not CIDR notation (a plain address or a DNS name). */
    static Optional<List<String>> expand(String text, int cap) {
        if (text.indexOf('/') < 0) {
            return Optional.empty();
        }
        Cidr block = Cidr.parse(text);
        if (block.size().compareTo(BigInteger.valueOf(cap)) > 0) {
            throw new IllegalArgumentException(text + " has " + block.size() + " addresses, more than the cap of "
                    + cap + " (kexwatch.inventory.max-range)");
        }
        return Optional.of(block.addresses().stream().map(InetAddress::getHostAddress).toList());
    }
}
