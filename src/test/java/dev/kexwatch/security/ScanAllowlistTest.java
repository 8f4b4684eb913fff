package dev.kexwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanAllowlistTest {

    private final ScanAllowlist allow = ScanAllowlist.parse(
            List.of("127.0.0.0/8", " 10.20.0.0/16 ", "2001:db8:1::/48", "corp.example.org", "*.lab.example.net", ".Dev.Example.COM", ""));

    @Test
    void readsNetworksAndSuffixes() {
        assertThat(allow.networks()).extracting(Cidr::toString)
                .containsExactly("127.0.0.0/8", "10.20.0.0/16", "2001:db8:1:0:0:0:0:0/48");
        assertThat(allow.domains()).containsExactly("corp.example.org", "lab.example.net", "dev.example.com");
    }

    @Test
    void ipTargetsMustLieInANetwork() {
        assertThat(allow.whyRefused("127.0.0.1")).isEmpty();
        assertThat(allow.whyRefused("10.20.255.1")).isEmpty();
        assertThat(allow.whyRefused("[2001:db8:1::22]")).isEmpty();
        assertThat(allow.whyRefused("2001:db8:1::22%eth0")).isEmpty();
        assertThat(allow.whyRefused("10.21.0.1")).get().asString().contains("10.21.0.1 is outside the allowed networks");
        assertThat(allow.whyRefused("2001:db8:2::1")).isPresent();
        assertThat(allow.whyRefused("8.8.8.8")).isPresent();
        assertThat(allow.whyRefused("::1")).isPresent();
    }

    @Test
    void namesMustMatchASuffixAtALabelBoundary() {
        assertThat(allow.whyRefused("corp.example.org")).isEmpty();
        assertThat(allow.whyRefused("bastion.CORP.example.org.")).isEmpty();
        assertThat(allow.whyRefused("a.b.lab.example.net")).isEmpty();
        assertThat(allow.whyRefused("box.dev.example.com")).isEmpty();
        assertThat(allow.whyRefused("evilcorp.example.org")).get().asString().contains("outside the allowed domains");
        assertThat(allow.whyRefused("corp.example.org.attacker.test")).isPresent();
        assertThat(allow.whyRefused("example.org")).isPresent();
    }

    @Test
    void numericDisguisesOfAddressesAreRefused() {
        // All of these reach 127.0.0.1 or 10.20.0.1 through some resolver, none is a canonical literal.
        for (String disguise : List.of("2130706433", "127.1", "0x7f.0.0.1", "0177.0.0.1", "127.000.000.001",
                "10.20.1", "1.2.3.4.", "corp.example.org.123")) {
            assertThat(allow.whyRefused(disguise)).as(disguise).isPresent();
        }
        assertThat(allow.whyRefused("2130706433")).get().asString().contains("not a canonical IP address");
    }

    @Test
    void malformedNamesAreRefused() {
        for (String bad : List.of("", " ", "-corp.example.org", "a..corp.example.org", "*.corp.example.org",
                "bad name.corp.example.org", "x".repeat(64) + ".corp.example.org", "corp.example.org/24", "::zz")) {
            assertThat(allow.whyRefused(bad)).as("'%s'", bad).isPresent();
        }
    }

    @Test
    void resolvedNamesMustLandInANetwork() throws UnknownHostException {
        InetAddress inside = InetAddress.getByName("10.20.3.4");
        InetAddress outside = InetAddress.getByName("192.0.2.1");
        assertThat(allow.whyRefusedResolved("db.corp.example.org", List.of(inside))).isEmpty();
        assertThat(allow.whyRefusedResolved("db.corp.example.org", List.of(inside, outside))).get().asString()
                .isEqualTo("db.corp.example.org resolves to 192.0.2.1, outside the allowed networks [127.0.0.0/8, 10.20.0.0/16, 2001:db8:1:0:0:0:0:0/48]");
        assertThat(allow.whyRefusedResolved("other.example.org", List.of(inside))).get().asString()
                .contains("outside the allowed domains");
    }

    @Test
    void rangesMustLieWhollyInsideOneNetwork() {
        assertThat(allow.whyRefused(Cidr.parse("10.20.8.0/24"))).isEmpty();
        assertThat(allow.whyRefused(Cidr.parse("10.20.0.0/16"))).isEmpty();
        assertThat(allow.whyRefused(Cidr.parse("10.0.0.0/8"))).get().asString().contains("10.0.0.0/8 is not inside");
        assertThat(allow.whyRefused(Cidr.parse("10.21.0.0/24"))).isPresent();
        assertThat(allow.whyRefused(Cidr.parse("2001:db8:1:5::/64"))).isEmpty();
        assertThat(allow.whyRefused(Cidr.parse("::/0"))).isPresent();
    }

    @Test
    void blocksWrittenAsHostsAreCheckedAsRanges() {
        assertThat(allow.whyRefused("10.20.1.0/24")).isEmpty();
        assertThat(allow.whyRefused("10.20.1.1/24")).get().asString().contains("host bits set");
        assertThat(allow.whyRefused("10.0.0.0/8")).get().asString().contains("is not inside");
        assertThat(allow.whyRefused("corp.example.org/24")).get().asString().contains("is not an IP address");
    }

    @Test
    void emptyListAllowsNothing() {
        ScanAllowlist none = ScanAllowlist.parse(List.of());
        assertThat(none.whyRefused("127.0.0.1")).isPresent();
        assertThat(none.whyRefused("localhost")).isPresent();
    }

    @Test
    void badEntriesAreAllNamed() {
        assertThatThrownBy(() -> ScanAllowlist.parse(List.of("10.0.0.1/8", "300.1.1.1/8", "bad_entry!", "10.0.0.0/8")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'10.0.0.1/8' has host bits set")
                .hasMessageContaining("'300.1.1.1/8' is not an IP address")
                .hasMessageContaining("'bad_entry!' is neither");
    }

    @Test
    void printsAsItIsConfigured() {
        assertThat(ScanAllowlist.parse(List.of("127.0.0.0/8", "localhost"))).hasToString("127.0.0.0/8,localhost");
    }
}
