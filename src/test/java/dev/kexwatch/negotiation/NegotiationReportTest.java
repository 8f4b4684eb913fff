package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report view the CLI and REST print, sound-first fixes, and the per-host what-if comparison. */
class NegotiationReportTest {

    private static final ServerOffer AEAD_ONLY = Seeds.offer("curve25519-sha256,kex-strict-s-v00@openssh.com",
            "ssh-ed25519", "chacha20-poly1305@openssh.com", "hmac-sha2-512-etm@openssh.com", "none");
    private static final ServerOffer SHA1_MAC = Seeds.offer("curve25519-sha256,ecdh-sha2-nistp256",
            "ecdsa-sha2-nistp256,ssh-ed25519", "aes128-ctr", "hmac-sha2-256-etm@openssh.com,hmac-sha2-512", "none");

    private final ClientProfiles profiles = ClientProfiles.builtIn();

    private ClientProfile profile(String id) {
        return profiles.find(id).orElseThrow();
    }

    @Test
    void successShowsEveryListInNegotiationOrderWithImplicitMacs() {
        NegotiationReport report = NegotiationReport.of(profile("openssh-9.2"),
                new Negotiator().negotiate(profile("openssh-9.2"), AEAD_ONLY), "10.0.0.5", 22);

        assertThat(report.works()).isTrue();
        assertThat(report.chosen()).containsExactly(java.util.Map.entry("kex", "curve25519-sha256"),
                java.util.Map.entry("host_key", "ssh-ed25519"),
                java.util.Map.entry("cipher_c2s", "chacha20-poly1305@openssh.com"),
                java.util.Map.entry("mac_c2s", "<implicit>"), java.util.Map.entry("compression_c2s", "none"),
                java.util.Map.entry("cipher_s2c", "chacha20-poly1305@openssh.com"),
                java.util.Map.entry("mac_s2c", "<implicit>"), java.util.Map.entry("compression_s2c", "none"));
        assertThat(report.strictKex()).isTrue();
        assertThat(report.failure()).isEmpty();
        assertThat(report.seedLog()).isEmpty();
    }

    @Test
    void failureCarriesBothWordingsAndSoundFixesFirst() {
        ClientProfile jsch = profile("jsch-0.1.55");
        Negotiator sound = new Negotiator(FixAdvisor.preferringSound(AlgorithmCatalog.builtin()));
        NegotiationReport report = NegotiationReport.of(jsch, sound.negotiate(jsch, SHA1_MAC), "10.0.0.5", 2222);

        NegotiationReport.Failure failure = report.failure().orElseThrow();
        assertThat(failure.list()).isEqualTo("mac_s2c");
        assertThat(failure.direction()).contains("s2c");
        assertThat(failure.openssh()).isEqualTo("Unable to negotiate with 10.0.0.5 port 2222: no matching MAC found."
                + " Their offer: hmac-sha2-256-etm@openssh.com,hmac-sha2-512");
        assertThat(report.chosen()).containsKeys("kex", "host_key").doesNotContainKey("mac_s2c");
        assertThat(report.fixes()).extracting(NegotiationReport.FixView::side, NegotiationReport.FixView::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("client", "hmac-sha2-256-etm@openssh.com"),
                        org.assertj.core.groups.Tuple.tuple("server", "hmac-sha2-256"));
        assertThat(report.fixes().get(1).instruction()).isEqualTo("sshd_config: MACs +hmac-sha2-256");
        assertThat(report.seedLog()).containsExactly(
                "No common C2S mac: [S: hmac-sha2-256-etm@openssh.com,hmac-sha2-512] [C: hmac-md5,hmac-sha1,hmac-sha2-256,hmac-sha1-96,hmac-md5-96]",
                "No common S2C mac: [S: hmac-sha2-256-etm@openssh.com,hmac-sha2-512] [C: hmac-md5,hmac-sha1,hmac-sha2-256,hmac-sha1-96,hmac-md5-96]",
                "Key exchange failed: Could not agree on key exchange parameters");
    }

    @Test
    void soundAdvisorPrefersCatalogOkNamesOverHigherRankedWeakOnes() {
        // mlkem768nistp256-sha256 is rated ok by the catalog but not in the catalog's strength ranking (ranked last).
        ClientProfile client = profile("seed-cerberus-client");
        Mismatch mismatch = new Mismatch(KexList.KEX, client.get(KexList.KEX),
                List.of("diffie-hellman-group14-sha1", "mlkem768nistp256-sha256"));
        assertThat(FixAdvisor.byStrength().advise(mismatch, client).get(0).name())
                .isEqualTo("diffie-hellman-group14-sha1");
        assertThat(FixAdvisor.preferringSound(AlgorithmCatalog.builtin()).advise(mismatch, client).get(0).name())
                .isEqualTo("mlkem768nistp256-sha256");
    }

    @Test
    void perHostComparisonNeedsTheSameHostsInTheSameOrder() {
        List<ClientProfile> clients = List.of(profile("openssh-9.2"));
        List<HostOffer> before = List.of(new HostOffer("a", AEAD_ONLY), new HostOffer("b", SHA1_MAC));
        List<HostOffer> after = List.of(new HostOffer("a", SHA1_MAC), new HostOffer("b", SHA1_MAC));
        WhatIf same = WhatIf.compare(new Negotiator(), clients, before, after);
        assertThat(same.newlyBroken()).isEmpty();
        assertThat(same.after().cells()).extracting(MatrixCell::hostId).containsExactly("a", "b");

        assertThatThrownBy(() -> WhatIf.compare(new Negotiator(), clients, before, List.of(after.get(1), after.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
