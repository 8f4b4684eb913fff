package dev.kexwatch.policy;

import static dev.kexwatch.policy.PolicyEngineTest.HOST;
import static dev.kexwatch.policy.PolicyEngineTest.TODAY;
import static dev.kexwatch.policy.PolicyEngineTest.policy;
import static dev.kexwatch.testsupport.OfferFixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.testsupport.OfferFixtures;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Terrapin check (CVE-2023-48795) and waivers, active and expired. */
class TerrapinAndWaiverTest {

    private static final String TERRAPIN = """
              - id: terrapin
                check: terrapin
                severity: high
                rationale: prefix truncation
                source: OpenSSH PROTOCOL §1.10
            """;

    private final PolicyEngine engine = new PolicyEngine();

    private Evaluation terrapin(ServerOffer offer) {
        return engine.evaluate(policy(TERRAPIN), offer, HOST, TODAY);
    }

    @Test
    void tinysshdOffersChachaWithoutStrictKexAndIsExposed() {
        Evaluation e = terrapin(OfferFixtures.captured("tinysshd"));
        assertThat(e.findings()).singleElement().satisfies(f -> {
            assertThat(f.names()).containsExactly("chacha20-poly1305@openssh.com");
            assertThat(f.evidence()).doesNotContain("kex-strict-s-v00@openssh.com");
            assertThat(f.remediation()).startsWith("# nothing the host offers for cipher is acceptable");
        });
    }

    @Test
    void strictKexMarkerClosesTheExposure() {
        assertThat(terrapin(OfferFixtures.captured("openssh-legacy")).compliant()).isTrue();
        assertThat(terrapin(OfferFixtures.captured("dropbear")).compliant()).isTrue();
    }

    @Test
    void cbcIsExposedOnlyTogetherWithAnEtmMac() {
        ServerOffer cbcEtm = offer("curve25519-sha256", "ssh-ed25519", "aes128-ctr,aes128-cbc",
                "hmac-sha2-256-etm@openssh.com,hmac-sha2-256", "none");
        ServerOffer cbcPlain = offer("curve25519-sha256", "ssh-ed25519", "aes128-ctr,aes128-cbc", "hmac-sha2-256",
                "none");
        assertThat(terrapin(cbcEtm).findings()).singleElement().satisfies(f -> {
            assertThat(f.names()).containsExactly("aes128-cbc", "hmac-sha2-256-etm@openssh.com");
            assertThat(f.remediation()).isEqualTo("Ciphers aes128-ctr");
        });
        assertThat(terrapin(cbcPlain).compliant()).isTrue();
    }

    @Test
    void theClientMarkerDoesNotCountForAServer() {
        ServerOffer clientMarker = offer("curve25519-sha256,kex-strict-c-v00@openssh.com", "ssh-ed25519",
                "chacha20-poly1305@openssh.com,aes128-ctr", "hmac-sha2-256", "none");
        assertThat(terrapin(clientMarker).findings()).singleElement()
                .satisfies(f -> assertThat(f.remediation()).isEqualTo("Ciphers aes128-ctr"));
    }

    private static final String WAIVED = """
            id: w
            version: '2'
            title: waivers
            rules:
              - id: no-cbc
                category: cipher
                forbid: ["*-cbc"]
                severity: medium
                rationale: CBC
                source: RFC 4344
            waivers:
              - id: legacy-appliance
                rule: no-cbc
                host: 127.0.0.1:22
                reason: vendor appliance, replacement ordered
                expires: 2025-06-30
              - rule: no-cbc
                labels: {env: lab}
                reason: lab kit
                expires: 2030-01-01
            """;

    private final ServerOffer cbc = offer("curve25519-sha256", "ssh-ed25519", "aes128-ctr,aes128-cbc",
            "hmac-sha2-256", "none");

    @Test
    void anActiveWaiverSetsTheFindingAsideAndKeepsItVisible() {
        Policy policy = new PolicyLoader().parse(WAIVED, "w.yaml");
        Evaluation e = engine.evaluate(policy, cbc, HOST, LocalDate.of(2025, 6, 30));
        assertThat(e.compliant()).isTrue();
        assertThat(e.waived()).singleElement().satisfies(w -> {
            assertThat(w.waiver().id()).isEqualTo("legacy-appliance");
            assertThat(w.finding().names()).containsExactly("aes128-cbc");
        });
        assertThat(e.expiredWaivers()).isEmpty();
    }

    @Test
    void anExpiredWaiverStopsApplyingByItselfAndTheEvaluationSaysSo() {
        Policy policy = new PolicyLoader().parse(WAIVED, "w.yaml");
        Evaluation e = engine.evaluate(policy, cbc, HOST, LocalDate.of(2025, 7, 1));
        assertThat(e.compliant()).isFalse();
        assertThat(e.findings()).extracting(Finding::ruleId).containsExactly("no-cbc");
        assertThat(e.waived()).isEmpty();
        assertThat(e.expiredWaivers()).singleElement().satisfies(w -> assertThat(w.expiryNote())
                .isEqualTo("waiver legacy-appliance for rule no-cbc expired on 2025-06-30"
                        + " (vendor appliance, replacement ordered)"));
    }

    /**
     * The engine works out an offer's findings once per policy and reuses them: what belongs to the host (its
     * waivers, the date they expire on) and a different offer must still count, in any order of calls.
     */
    @Test
    void aRememberedOfferIsStillJudgedOnEachHostsWaiversAndDate() {
        Policy policy = new PolicyLoader().parse(WAIVED, "w.yaml");
        HostRef lab = new HostRef("127.0.0.2", 22, Map.of("env", "lab"));
        HostRef prod = new HostRef("127.0.0.3", 22, Map.of("env", "prod"));
        ServerOffer clean = offer("curve25519-sha256", "ssh-ed25519", "aes128-ctr", "hmac-sha2-256", "none");
        assertThat(engine.evaluate(policy, cbc, lab, TODAY).compliant()).isTrue();
        assertThat(engine.evaluate(policy, cbc, prod, TODAY).findings()).extracting(Finding::names)
                .containsExactly(java.util.List.of("aes128-cbc"));
        assertThat(engine.evaluate(policy, clean, prod, TODAY).compliant()).isTrue();
        assertThat(engine.evaluate(policy, cbc, HOST, LocalDate.of(2025, 6, 30)).compliant()).isTrue();
        assertThat(engine.evaluate(policy, cbc, HOST, LocalDate.of(2025, 7, 1)).compliant()).isFalse();
        assertThat(engine.evaluate(policy, cbc, lab, TODAY).waived()).hasSize(1);
    }

    @Test
    void waiversMatchByHostAndPortOrByLabels() {
        Policy policy = new PolicyLoader().parse(WAIVED, "w.yaml");
        HostRef otherPort = new HostRef("127.0.0.1", 2222, Map.of());
        HostRef lab = new HostRef("127.0.0.2", 22, Map.of("env", "lab"));
        assertThat(engine.evaluate(policy, cbc, otherPort, TODAY).compliant()).isFalse();
        Evaluation labEval = engine.evaluate(policy, cbc, lab, TODAY);
        assertThat(labEval.compliant()).isTrue();
        assertThat(labEval.waived()).singleElement()
                .satisfies(w -> assertThat(w.waiver().id()).isEqualTo("no-cbc@{env=lab}"));
    }
}
