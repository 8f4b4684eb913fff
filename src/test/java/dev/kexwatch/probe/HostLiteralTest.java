package dev.kexwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostLiteralTest {

    @Test
    void dottedQuadsAndIpv6AreLiterals() {
        assertThat(HostLiteral.isIpLiteral("127.0.0.1")).isTrue();
        assertThat(HostLiteral.isIpLiteral("10.200.30.255")).isTrue();
        assertThat(HostLiteral.isIpLiteral("::1")).isTrue();
        assertThat(HostLiteral.isIpLiteral("fe80::1%eth0")).isTrue();
    }

    @Test
    void namesAndNearMissesAreNot() {
        assertThat(HostLiteral.isIpLiteral("example.org")).isFalse();
        assertThat(HostLiteral.isIpLiteral("1.2.3")).isFalse();
        assertThat(HostLiteral.isIpLiteral("1.2.3.4.5")).isFalse();
        assertThat(HostLiteral.isIpLiteral("1.2.3.")).isFalse();
        assertThat(HostLiteral.isIpLiteral(".1.2.3")).isFalse();
        assertThat(HostLiteral.isIpLiteral("1..2.3")).isFalse();
        assertThat(HostLiteral.isIpLiteral("1234.2.3.4")).isFalse();
        assertThat(HostLiteral.isIpLiteral("1.2.3.4a")).isFalse();
        assertThat(HostLiteral.isIpLiteral("١.2.3.4")).isFalse(); // an Arabic-Indic digit: \d never matched it
    }
}
