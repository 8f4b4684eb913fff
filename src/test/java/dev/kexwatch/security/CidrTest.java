package dev.kexwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void ipv4NetworkContainsItsAddressesOnly() throws UnknownHostException {
        Cidr net = Cidr.parse("172.16.0.0/12");
        assertThat(net.contains(ip("172.16.0.1"))).isTrue();
        assertThat(net.contains(ip("172.31.255.255"))).isTrue();
        assertThat(net.contains(ip("172.32.0.0"))).isFalse();
        assertThat(net.contains(ip("172.15.255.255"))).isFalse();
        assertThat(net).hasToString("172.16.0.0/12");
    }

    @Test
    void ipv6NetworkContainsItsAddressesOnly() throws UnknownHostException {
        Cidr net = Cidr.parse("fc00::/7");
        assertThat(net.contains(ip("fd12:3456::1"))).isTrue();
        assertThat(net.contains(ip("fe80::1"))).isFalse();
        assertThat(Cidr.parse("[2001:db8::]/33").contains(ip("2001:db8:7fff::1"))).isTrue();
        assertThat(Cidr.parse("2001:db8::/33").contains(ip("2001:db8:8000::1"))).isFalse();
    }

    @Test
    void familiesNeverMix() throws UnknownHostException {
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("::1"))).isFalse();
        assertThat(Cidr.parse("::/0").contains(ip("127.0.0.1"))).isFalse();
        // IPv4-mapped IPv6 text is an IPv4 address to Java, so a v4 network holds it.
        assertThat(Cidr.parse("127.0.0.0/8").contains(ip("::ffff:127.0.0.9"))).isTrue();
    }

    @Test
    void bareAddressIsANetworkOfOne() throws UnknownHostException {
        Cidr one = Cidr.parse("127.0.0.7");
        assertThat(one.prefix()).isEqualTo(32);
        assertThat(one.contains(ip("127.0.0.7"))).isTrue();
        assertThat(one.contains(ip("127.0.0.8"))).isFalse();
        assertThat(Cidr.parse("::1").prefix()).isEqualTo(128);
    }

    @Test
    void zeroAndFullPrefixesWork() throws UnknownHostException {
        assertThat(Cidr.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
        assertThat(Cidr.parse("10.1.2.3/32").contains(ip("10.1.2.3"))).isTrue();
        assertThat(Cidr.parse("10.1.2.0/23").contains(ip("10.1.4.0"))).isFalse();
        assertThat(Cidr.parse("10.1.2.0/23").contains(ip("10.1.3.255"))).isTrue();
    }

    @Test
    void sizeAndAddressesCoverTheNetworkInOrder() {
        assertThat(Cidr.parse("127.0.0.40/30").size()).hasToString("4");
        assertThat(Cidr.parse("127.0.0.40/30").addresses()).extracting(java.net.InetAddress::getHostAddress)
                .containsExactly("127.0.0.40", "127.0.0.41", "127.0.0.42", "127.0.0.43");
        assertThat(Cidr.parse("::/0").size()).isEqualTo(java.math.BigInteger.ONE.shiftLeft(128));
        assertThat(Cidr.parse("::/127").addresses()).hasSize(2);
    }

    @Test
    void badNetworksSayWhatIsWrong() {
        assertThatThrownBy(() -> Cidr.parse("10.0.0.1/8")).hasMessageContaining("host bits set; the network is 10.0.0.0/8");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("longer than 32 bits");
        assertThatThrownBy(() -> Cidr.parse("::/129")).hasMessageContaining("longer than 128 bits");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).hasMessageContaining("prefix 'x' is not a number");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/")).hasMessageContaining("is not a number");
        assertThatThrownBy(() -> Cidr.parse("10.0.0/8")).hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> Cidr.parse("256.0.0.0/8")).hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> Cidr.parse("example.org/24")).hasMessageContaining("is not an IP address");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/-1")).hasMessageContaining("is not a number");
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }
}
