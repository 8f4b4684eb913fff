package dev.kexwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.ServerSoftware;
import dev.kexwatch.testsupport.DropIn;
import dev.kexwatch.testsupport.OfferFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One remediation per host for every policy in force (issue 14, items 1-3). */
class HostRemediationTest {

    private static final PolicySet SHIPPED = ShippedPolicies.all();
    private static final HostRef HOST = new HostRef("127.0.0.1", 22, Map.of("profile", "hardened"));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final String OPENSSH_9_2 = "OpenSSH_9.2p1";

    private final PolicyEngine engine = new PolicyEngine();

    /** Every non-empty combination of the shipped policies: each single one, each pair, all three. */
    private static List<List<Policy>> combinations() {
        List<Policy> all = SHIPPED.policies();
        List<List<Policy>> out = new ArrayList<>();
        for (int mask = 1; mask < 1 << all.size(); mask++) {
            List<Policy> chosen = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    chosen.add(all.get(i));
                }
            }
            out.add(chosen);
        }
        return out;
    }

    private void assertEachAccepts(List<Policy> policies, ServerOffer offer) {
        for (Policy policy : policies) {
            assertThat(engine.evaluate(policy, offer, HOST, TODAY).findings())
                    .as("%s after the remediation for %s", policy.id(), policies.stream().map(Policy::id).toList())
                    .isEmpty();
        }
    }

    @Test
    void theCombinedDropInForEveryCombinationOfShippedPoliciesIsAcceptedByEachOfThem() {
        ServerOffer legacy = OfferFixtures.captured("openssh-legacy");
        for (List<Policy> policies : combinations()) {
            HostRemediation r = HostRemediation.of(policies, legacy, OPENSSH_9_2);
            assertThat(r.server()).isEqualTo(ServerSoftware.Kind.OPENSSH);
            assertThat(r.sshdConfig()).isPresent();
            assertEachAccepts(policies, DropIn.apply(legacy, r.sshdConfig().get()));
        }
    }

    @Test
    void legacyOpenSshUnderBaselineGetsADropInThatReplacesTheListsAndSaysWhereItGoes() {
        HostRemediation r = HostRemediation.of(List.of(SHIPPED.byId("baseline").orElseThrow()),
                OfferFixtures.captured("openssh-legacy"), OPENSSH_9_2);
        assertThat(r.sshdConfig().orElseThrow()).contains("\nMACs umac-64-etm@openssh.com,umac-128-etm@openssh.com,"
                + "hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com,umac-64@openssh.com,"
                + "umac-128@openssh.com,hmac-sha2-256,hmac-sha2-512\n")
                .contains("\nCiphers chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,"
                        + "aes128-gcm@openssh.com,aes256-gcm@openssh.com\n")
                .doesNotContain("diffie-hellman-group1-sha1").doesNotContain("HostKeyAlgorithms")
                .doesNotContain("+");
        assertThat(r.advice()).contains(HostRemediation.DROP_IN).contains("sshd -t");
    }

    @Test
    void rfc9142AndBaselineTogetherNeverKeepGroup14Sha1() {
        ServerOffer offer = OfferFixtures.offer("curve25519-sha256,diffie-hellman-group14-sha1,diffie-hellman-group1-sha1",
                "ssh-ed25519", "aes128-ctr", "hmac-sha2-256", "none");
        List<Policy> both = List.of(SHIPPED.byId("baseline").orElseThrow(), SHIPPED.byId("rfc9142").orElseThrow());
        HostRemediation r = HostRemediation.of(both, offer, OPENSSH_9_2);
        assertThat(r.sshdConfig().orElseThrow()).contains("\nKexAlgorithms curve25519-sha256\n");
        List<Evaluation> evaluations = engine.evaluateAll(both, java.util.Optional.of(offer), "2.0", HOST, TODAY);
        Finding rfc = evaluations.get(1).findings().get(0);
        assertThat(rfc.ruleId()).isEqualTo("rfc9142-should-not");
        assertThat(rfc.remediation()).endsWith("KexAlgorithms curve25519-sha256");
    }

    @Test
    void whereNothingAcceptableIsLeftItSaysSoInsteadOfAnEmptyList() {
        ServerOffer cbcOnly = OfferFixtures.offer("curve25519-sha256", "ssh-ed25519", "aes128-cbc,3des-cbc",
                "hmac-sha2-256", "none");
        HostRemediation r = HostRemediation.of(SHIPPED.policies(), cbcOnly, OPENSSH_9_2);
        assertThat(r.sshdConfig().orElse("")).doesNotContain("Ciphers");
        assertThat(r.advice()).contains("Nothing the host offers for cipher is acceptable to every policy in force");
    }

    @Test
    void requiredNamesAreAddedOnlyWhenThatOpenSshReleaseKnowsThem() {
        ServerOffer classic = OfferFixtures.offer("curve25519-sha256", "ssh-ed25519", "aes128-ctr",
                "hmac-sha2-256-etm@openssh.com", "none");
        List<Policy> hardened = List.of(SHIPPED.byId("hardened-openssh").orElseThrow());
        assertThat(HostRemediation.of(hardened, classic, "OpenSSH_9.2p1").sshdConfig().orElseThrow())
                .contains("KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256");
        assertThat(HostRemediation.of(hardened, classic, "OpenSSH_10.0").sshdConfig().orElseThrow())
                .contains("KexAlgorithms mlkem768x25519-sha256,curve25519-sha256");
        HostRemediation old = HostRemediation.of(hardened, classic, "OpenSSH_8.0p1");
        assertThat(old.sshdConfig()).isEmpty();
        assertThat(old.advice()).contains("Upgrade to OpenSSH 9.9 or later");
    }

    @Test
    void dropbearAndTinysshdGetAdviceNeverSshdConfig() {
        HostRemediation dropbear = HostRemediation.of(SHIPPED.policies(), OfferFixtures.captured("dropbear"),
                "dropbear_2022.83");
        assertThat(dropbear.server()).isEqualTo(ServerSoftware.Kind.DROPBEAR);
        assertThat(dropbear.sshdConfig()).isEmpty();
        assertThat(dropbear.advice()).contains("localoptions.h").contains("#define DROPBEAR_DH_GROUP14_SHA1 0")
                .contains("#define DROPBEAR_SHA1_HMAC 0").contains("#define DROPBEAR_RSA_SHA1 0")
                .doesNotContain("sshd_config");

        HostRemediation tiny = HostRemediation.of(SHIPPED.policies(), OfferFixtures.captured("tinysshd"),
                "tinyssh_20230101-1");
        assertThat(tiny.server()).isEqualTo(ServerSoftware.Kind.TINYSSH);
        assertThat(tiny.sshdConfig()).isEmpty();
        assertThat(tiny.advice()).contains("Upgrade tinysshd to 20240101").doesNotContain("sshd_config");
    }

    @Test
    void aCompliantOpenSshNeedsNoDropIn() {
        HostRemediation r = HostRemediation.of(SHIPPED.policies(), OfferFixtures.captured("openssh-hardened"),
                "OpenSSH_9.2p1");
        assertThat(r.sshdConfig()).isEmpty();
        assertThat(r.advice()).startsWith("No change needed");
    }

    @Test
    void serverSoftwareIsReadFromTheIdentification() {
        assertThat(ServerSoftware.of("OpenSSH_9.2p1").openSshVersion()).hasValue(new ServerSoftware.Version(9, 2));
        assertThat(ServerSoftware.of("OpenSSH_for_Windows_8.1").kind()).isEqualTo(ServerSoftware.Kind.OPENSSH);
        assertThat(ServerSoftware.of("dropbear_2022.83").kind()).isEqualTo(ServerSoftware.Kind.DROPBEAR);
        assertThat(ServerSoftware.of("tinyssh_20230101-1").kind()).isEqualTo(ServerSoftware.Kind.TINYSSH);
        assertThat(ServerSoftware.of("Cisco-1.25").kind()).isEqualTo(ServerSoftware.Kind.OTHER);
        assertThat(ServerSoftware.of("\u0000OpenSSH_x").kind()).isEqualTo(ServerSoftware.Kind.OTHER);
    }
}
