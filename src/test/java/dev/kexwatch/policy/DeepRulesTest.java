package dev.kexwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.hostkey.DeepOutcome;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.hostkey.GexGroup;
import dev.kexwatch.hostkey.HostCertificate;
import dev.kexwatch.hostkey.HostKey;
import dev.kexwatch.hostkey.KeyInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The baseline's deep rules on deep handshakes built by hand: sizes, DSA, groups, certificates. */
class DeepRulesTest {

    private static final Policy BASELINE = ShippedPolicies.byId("baseline").orElseThrow();
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final HostRef HOST = new HostRef("127.0.0.1", 22, Map.of());

    @Test
    void rsaKeysAreJudgedBySizeAndDsaAtAnySize() {
        assertThat(rules(deep(key("rsa-sha2-512", "ssh-rsa", 1024)))).containsExactly("rsa-host-key-2048",
                "rsa-host-key-3072");
        assertThat(rules(deep(key("rsa-sha2-512", "ssh-rsa", 2048)))).containsExactly("rsa-host-key-3072");
        assertThat(rules(deep(key("rsa-sha2-512", "ssh-rsa", 3072)))).isEmpty();
        assertThat(rules(deep(key("ssh-dss", "ssh-dss", 1024)))).contains("dsa-host-key");
        assertThat(rules(deep(key("ssh-ed25519", "ssh-ed25519", 256)))).isEmpty();
    }

    @Test
    void groupsUnder2048BitsFailAndRefusedRequestsDoNot() {
        GexGroup small = new GexGroup(1024, 1024, 1024, Optional.of(1024), DeepOutcome.OK);
        GexGroup refused = new GexGroup(512, 1024, 1536, Optional.empty(), DeepOutcome.GROUP_REFUSED);
        GexGroup fine = new GexGroup(2048, 2048, 2048, Optional.of(2048), DeepOutcome.OK);
        assertThat(rules(new DeepResult(List.of(), "diffie-hellman-group-exchange-sha256", List.of(small, fine))))
                .containsExactly("gex-group-2048");
        assertThat(rules(new DeepResult(List.of(), "diffie-hellman-group-exchange-sha256", List.of(refused, fine))))
                .isEmpty();
    }

    @Test
    void certificatesNearExpiryOrSignedByAWeakCaAreFindings() {
        assertThat(rules(deep(certified(TODAY.plusDays(10), new KeyInfo("ssh-ed25519", 256, "SHA256:ca")))))
                .containsExactly("cert-expiry");
        assertThat(rules(deep(certified(TODAY.plusDays(90), new KeyInfo("ssh-rsa", 1024, "SHA256:ca")))))
                .containsExactly("cert-ca-strength");
        assertThat(rules(deep(certified(TODAY.plusDays(90), new KeyInfo("ssh-ed25519", 256, "SHA256:ca")))))
                .isEmpty();
    }

    @Test
    void signaturesThatDoNotVerifyAreFindings() {
        KeyInfo ca = new KeyInfo("ssh-ed25519", 256, "SHA256:ca");
        assertThat(rules(deep(certified(TODAY.plusDays(90), ca, false)))).containsExactly("host-key-signatures");
        HostKey forged = new HostKey("ssh-ed25519", Optional.of(new KeyInfo("ssh-ed25519", 256, "SHA256:x")), false,
                Optional.empty(), DeepOutcome.BAD_SIGNATURE, "");
        assertThat(rules(deep(forged))).containsExactly("host-key-signatures");
        HostKey unreachable = HostKey.failed("ssh-ed25519", DeepOutcome.TIMEOUT, "");
        assertThat(rules(deep(unreachable))).isEmpty();
    }

    @Test
    void withoutADeepHandshakeTheDeepRulesFindNothing() {
        Evaluation evaluation = new PolicyEngine().evaluate(BASELINE, Optional.of(strongOffer()), "2.0",
                Optional.empty(), HOST, TODAY);
        assertThat(evaluation.findings()).isEmpty();
    }

    private static List<String> rules(DeepResult deep) {
        return new PolicyEngine().evaluate(BASELINE, Optional.of(strongOffer()), "2.0", Optional.of(deep), HOST,
                TODAY).findings().stream().map(Finding::ruleId).toList();
    }

    private static ServerOffer strongOffer() {
        return ServerOffer.of(List.of(List.of("curve25519-sha256"), List.of("ssh-ed25519"),
                List.of("aes256-gcm@openssh.com"), List.of("aes256-gcm@openssh.com"), List.of("hmac-sha2-512-etm@openssh.com"),
                List.of("hmac-sha2-512-etm@openssh.com"), List.of("none"), List.of("none"), List.of(), List.of()));
    }

    private static DeepResult deep(HostKey key) {
        return new DeepResult(List.of(key), "", List.of());
    }

    private static HostKey key(String algorithm, String type, int bits) {
        return new HostKey(algorithm, Optional.of(new KeyInfo(type, bits, "SHA256:x")), true, Optional.empty(),
                DeepOutcome.OK, "");
    }

    private static HostKey certified(LocalDate validBefore, KeyInfo ca) {
        return certified(validBefore, ca, true);
    }

    private static HostKey certified(LocalDate validBefore, KeyInfo ca, boolean caSigned) {
        HostCertificate cert = new HostCertificate("host", "web-1", 1, List.of("web-1"), Instant.EPOCH,
                validBefore.atStartOfDay().toInstant(java.time.ZoneOffset.UTC), Map.of(), Map.of(), ca, caSigned);
        return new HostKey("ssh-ed25519-cert-v01@openssh.com", Optional.of(new KeyInfo("ssh-ed25519", 256,
                "SHA256:x")), true, Optional.of(cert), DeepOutcome.OK, "");
    }
}
