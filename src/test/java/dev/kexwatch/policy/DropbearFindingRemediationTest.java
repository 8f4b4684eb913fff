package dev.kexwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.negotiation.ReleaseCatalog;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each finding's remediation on a Dropbear host is a localoptions.h snippet or an upgrade, never sshd_config; the
 * upgrade named is a catalogue release, read at its source, whose default build lacks the name.
 */
class DropbearFindingRemediationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final HostRef HOST = new HostRef("127.0.0.1", 22, Map.of());
    private final PolicyEngine engine = new PolicyEngine();
    private final List<Policy> baseline = ShippedPolicies.all().policies().stream()
            .filter(p -> p.id().equals("baseline")).toList();

    private List<Finding> findings(String release, String softwareVersion) {
        return findings(baseline, release, softwareVersion);
    }

    private List<Finding> findings(List<Policy> policies, String release, String softwareVersion) {
        return engine.evaluateAll(policies, Optional.of(ReleaseCatalog.builtIn().find(release).orElseThrow()
                .defaultServerOffer()), "2.0", softwareVersion, HOST, TODAY).stream()
                .flatMap(e -> e.findings().stream()).toList();
    }

    private static Finding naming(List<Finding> findings, String name) {
        return findings.stream().filter(f -> f.names().contains(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding names " + name + ": " + findings));
    }

    @Test
    void shaOneOnDropbear2022IsABuildOptionOrTheUpgradeThatDropsIt() {
        List<Finding> findings = findings("dropbear-2022.83", "dropbear_2022.83");

        Finding mac = naming(findings, "hmac-sha1");
        assertThat(mac.remediation()).startsWith(DropbearRemedy.HEADER).contains("#define DROPBEAR_SHA1_HMAC 0",
                "/* or upgrade Dropbear to 2025.89 or later: its default build no longer offers hmac-sha1 "
                        + "(catalogue entry dropbear-2025.89) */");
        assertThat(naming(findings, "diffie-hellman-group14-sha1").remediation())
                .contains("#define DROPBEAR_DH_GROUP14_SHA1 0", "upgrade Dropbear to 2025.89");
        for (Finding finding : findings) {
            assertThat(finding.remediation()).as(finding.ruleId()).startsWith(DropbearRemedy.HEADER)
                    .doesNotContainPattern("(?m)^(KexAlgorithms|HostKeyAlgorithms|Ciphers|MACs|Compression) ");
        }
    }

    @Test
    void aBuildThatStillOffersWhatEveryReleaseDropsGetsOnlyTheBuildOption() {
        // 2022.83's offer under a 2026 version string: no later release in the catalogue to move to.
        Finding mac = naming(findings("dropbear-2022.83", "dropbear_2026.94"), "hmac-sha1");

        assertThat(mac.remediation()).contains("#define DROPBEAR_SHA1_HMAC 0",
                "no Dropbear release in the catalogue drops hmac-sha1 by default")
                .doesNotContain("/* or upgrade Dropbear");
    }

    @Test
    void whenEveryOfferedMacIsRejectedNoDefineLeavesTheBuildWithoutOne() {
        // hardened-openssh allows only -etm MACs; Dropbear 2022.83 offers hmac-sha1 and hmac-sha2-256.
        List<Finding> findings = findings(ShippedPolicies.all().policies(), "dropbear-2022.83", "dropbear_2022.83");

        Finding mac = naming(findings, "hmac-sha2-256");
        assertThat(mac.remediation()).contains("nothing the host offers for mac is acceptable")
                .doesNotContain("#define DROPBEAR_SHA2_256_HMAC", "#define DROPBEAR_SHA1_HMAC");
    }

    @Test
    void compressionIsSwitchedOffTheWayDropbearSpellsIt() {
        // hardened-openssh forbids pre-authentication "zlib", which Dropbear 2025.89 still offers server to client.
        List<Finding> findings = findings(ShippedPolicies.all().policies(), "dropbear-2025.89", "dropbear_2025.89");

        assertThat(naming(findings, "zlib").remediation()).contains("#define DISABLE_ZLIB 1")
                .doesNotContain("DISABLE_ZLIB 0");
    }

    @Test
    void openSshAndUnknownSoftwareKeepTheSshdConfigLine() {
        assertThat(naming(findings("dropbear-2022.83", "OpenSSH_9.2p1"), "hmac-sha1").remediation())
                .containsPattern("(?m)^MACs ").doesNotContain("localoptions.h");
        assertThat(naming(findings("dropbear-2022.83", ""), "hmac-sha1").remediation())
                .containsPattern("(?m)^MACs ");
    }
}
