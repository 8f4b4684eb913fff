package dev.kexwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.testsupport.OfferFixtures;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The three shipped policies against offers captured from real servers (see src/test/resources/offers). */
class ShippedPoliciesTest {

    private static final PolicySet SHIPPED = PolicySet.load(Path.of("policies"));
    private static final HostRef HARDENED_HOST = new HostRef("127.0.0.1", 22, Map.of("profile", "hardened"));
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private final PolicyEngine engine = new PolicyEngine();

    private Evaluation judge(String policyId, String fixture) {
        return engine.evaluate(SHIPPED.byId(policyId).orElseThrow(), OfferFixtures.captured(fixture), HARDENED_HOST,
                TODAY);
    }

    private static List<Tuple> rulesAndNames(Evaluation e) {
        return e.findings().stream().map(f -> new Tuple(f.ruleId(), f.names())).toList();
    }

    @Test
    void allThreeShipAndLoad() {
        assertThat(SHIPPED.policies()).extracting(Policy::id)
                .containsExactly("baseline", "hardened-openssh", "rfc9142");
        assertThat(SHIPPED.applicableTo(new HostRef("h", 22, Map.of()))).extracting(Policy::id)
                .containsExactly("baseline", "rfc9142");
    }

    @Test
    void baselineFlagsExactlyTheWeakNamesOfTheLegacyOpenSsh() {
        Evaluation e = judge("baseline", "openssh-legacy");
        assertThat(rulesAndNames(e)).containsExactly(
                new Tuple("no-group1-kex", List.of("diffie-hellman-group1-sha1")),
                new Tuple("no-sha1-kex", List.of("diffie-hellman-group1-sha1")),
                new Tuple("no-sha1-mac", List.of("hmac-sha1-etm@openssh.com", "hmac-sha1")),
                new Tuple("no-cbc-cipher", List.of("aes128-cbc")),
                new Tuple("no-md5-mac", List.of("hmac-md5")));
        Finding mac = e.findings().get(2);
        assertThat(mac.remediation()).isEqualTo("MACs umac-64-etm@openssh.com,umac-128-etm@openssh.com,"
                + "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,umac-64@openssh.com,"
                + "umac-128@openssh.com,hmac-sha2-256,hmac-sha2-512");
        assertThat(e.findings().get(0).remediation()).endsWith("\nKexAlgorithms sntrup761x25519-sha512,"
                + "sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,"
                + "ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha256,"
                + "diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,diffie-hellman-group14-sha256");
        assertThat(e.worst()).hasValue(Severity.HIGH);
    }

    @Test
    void baselinePassesTheHardenedOpenSshAndReportsTinysshdsTerrapinExposure() {
        assertThat(judge("baseline", "openssh-hardened").findings()).isEmpty();
        // tinysshd 20230101 offers chacha20-poly1305 without strict key exchange (CVE-2023-48795)
        assertThat(rulesAndNames(judge("baseline", "tinysshd")))
                .containsExactly(new Tuple("terrapin", List.of("chacha20-poly1305@openssh.com")));
    }

    @Test
    void theClasspathCopiesAreTheFilesInPolicies() {
        assertThat(ShippedPolicies.all().policies()).extracting(Policy::id, Policy::version)
                .containsExactlyElementsOf(SHIPPED.policies().stream().map(p -> new Tuple(p.id(), p.version())).toList());
    }

    @Test
    void baselineFlagsDropbearsSha1Defaults() {
        assertThat(rulesAndNames(judge("baseline", "dropbear"))).containsExactly(
                new Tuple("no-sha1-kex", List.of("diffie-hellman-group14-sha1")),
                new Tuple("no-sha1-mac", List.of("hmac-sha1")),
                new Tuple("no-sha1-hostkey", List.of("ssh-rsa")));
    }

    @Test
    void rfc9142FlagsOnlyItsShouldNotAndMustNotRows() {
        assertThat(rulesAndNames(judge("rfc9142", "openssh-legacy")))
                .containsExactly(new Tuple("rfc9142-should-not", List.of("diffie-hellman-group1-sha1")));
        // group14-sha1 is a MAY row in RFC 9142 §4, so Dropbear passes this policy while failing baseline.
        assertThat(judge("rfc9142", "dropbear").compliant()).isTrue();
        assertThat(judge("rfc9142", "tinysshd").compliant()).isTrue();
    }

    @Test
    void hardenedOpenSshPassesTheHardenedConfig() {
        Evaluation e = judge("hardened-openssh", "openssh-hardened");
        assertThat(e.findings()).isEmpty();
        assertThat(e.unknownNames()).isEmpty();
    }

    @Test
    void hardenedOpenSshFindsTerrapinAndEncryptAndMacOnTinysshd() {
        assertThat(rulesAndNames(judge("hardened-openssh", "tinysshd"))).containsExactly(
                new Tuple("etm-mac-only", List.of("hmac-sha2-256")),
                new Tuple("terrapin", List.of("chacha20-poly1305@openssh.com")));
    }

    @Test
    void hardenedOpenSshAsksDropbearForPostQuantumKex() {
        Evaluation e = judge("hardened-openssh", "dropbear");
        assertThat(e.findings()).filteredOn(f -> f.ruleId().equals("prefer-post-quantum-kex")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.LOW);
                    assertThat(f.remediation()).startsWith("# Upgrade to OpenSSH 9.9 or later")
                            .contains("\nKexAlgorithms mlkem768x25519-sha256,sntrup761x25519-sha512,"
                                    + "sntrup761x25519-sha512@openssh.com,curve25519-sha256,");
                });
        assertThat(e.findings()).extracting(Finding::ruleId).containsExactly("modern-kex-only",
                "prefer-post-quantum-kex", "modern-hostkey-only", "etm-mac-only");
    }

    @Test
    void hardenedOpenSshOnTheLegacyConfigFlagsEveryFamilyButStaysConnectable() {
        Evaluation e = judge("hardened-openssh", "openssh-legacy");
        assertThat(e.findings()).extracting(Finding::ruleId).containsExactly("modern-kex-only", "modern-cipher-only",
                "etm-mac-only");
        assertThat(e.findings().get(0).names()).containsExactly("ecdh-sha2-nistp256", "ecdh-sha2-nistp384",
                "ecdh-sha2-nistp521", "diffie-hellman-group14-sha256", "diffie-hellman-group1-sha1");
        assertThat(e.worst()).hasValue(Severity.MEDIUM);
    }
}
