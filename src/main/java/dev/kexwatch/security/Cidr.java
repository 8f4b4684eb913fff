package dev.kexwatch.security;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An IPv4 or IPv6 network in CIDR notation (RFC 4632 §3.1, RFC 4291 §2.3), e.g. {@code 10.0.0.0/8} or
 * {@code fd00::/8}. A bare address is a network of one. An IPv4 network never contains an IPv6 address and
 * the other way round; {@code InetAddress} already turns IPv4-mapped IPv6 text into IPv4.
 */
public record Cidr(InetAddress network, int prefix) {

    public Cidr {
        int bits = network.getAddress().length * 8;
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("prefix /" + prefix + " is outside 0.." + bits);
        }
    }

    /** Parses {@code address/prefix} or a bare address; the message of the exception says what is wrong. */
    public static Cidr parse(String text) {
        String s = text.strip();
        int slash = s.indexOf('/');
        String addressPart = slash < 0 ? s : s.substring(0, slash);
        InetAddress address = IpLiteral.parse(addressPart).orElseThrow(
                () -> new IllegalArgumentException("'" + text + "' is not an IP address or CIDR network"));
        int bits = address.getAddress().length * 8;
        int prefix = slash < 0 ? bits : prefixOf(text, s.substring(slash + 1), bits);
        Cidr cidr = new Cidr(address, prefix);
        if (!Arrays.equals(address.getAddress(), cidr.firstAddress().getAddress())) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; the network is " + cidr.canonical());
        }
        return cidr;
    }

    public boolean contains(InetAddress address) {
        byte[] net = network.getAddress();
        byte[] addr = address.getAddress();
        if (net.length != addr.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (net[i] != addr[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (net[full] & mask) == (addr[full] & mask);
    }

    /** How many addresses the network holds. */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(network.getAddress().length * 8 - prefix);
    }

    /** Every address of the network in order; the caller bounds {@link #size()} first. */
    public List<InetAddress> addresses() {
        byte[] first = firstAddress().getAddress();
        BigInteger base = new BigInteger(1, first);
        List<InetAddress> addresses = new ArrayList<>();
        for (BigInteger i = BigInteger.ZERO; i.compareTo(size()) < 0; i = i.add(BigInteger.ONE)) {
            addresses.add(address(base.add(i), first.length));
        }
        return addresses;
    }

    private static InetAddress address(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] bytes = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefix;
    }

    private String canonical() {
        return firstAddress().getHostAddress() + "/" + prefix;
    }

    private InetAddress firstAddress() {
        byte[] bytes = network.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }

    private static int prefixOf(String text, String digits, int bits) {
        if (!digits.matches("\\d{1,3}")) {
            throw new IllegalArgumentException("'" + text + "': prefix '" + digits + "' is not a number");
        }
        int prefix = Integer.parseInt(digits);
        if (prefix > bits) {
            throw new IllegalArgumentException("'" + text + "': prefix /" + prefix + " is longer than " + bits + " bits");
        }
        return prefix;
    }
}
