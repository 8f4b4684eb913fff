package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.ClientProfiles;
import dev.kexwatch.negotiation.Release;
import dev.kexwatch.negotiation.ReleaseCatalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code negotiate --server-release} and {@code --list-releases}: predictions from the catalogue, no probe. */
class NegotiateReleaseTest {

    private static CliRun negotiate(String... args) {
        return CliRun.of(List.of("negotiate"), args);
    }

    @Test
    void listsTheCatalogue() throws IOException {
        CliRun run = negotiate("--list-releases");

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("openssh-9.2", "openssh-10.0", "dropbear-2022.83", "tinysshd-20230101",
                "(unverified: kex, hostkey)");
        List<JsonNode> json = negotiate("--list-releases", "--json").json();
        assertThat(json).extracting(n -> n.get("id").asText()).contains("openssh-10.0");
    }

    @Test
    void newerReleasesComeLaterInTheListing() {
        List<String> ids = negotiate("--list-releases").out().lines().map(l -> l.split(" ")[0]).toList();

        assertThat(ids).containsSubsequence("openssh-7.4", "openssh-9.9", "openssh-10.0", "openssh-10.1",
                "openssh-10.2", "openssh-10.3");
        assertThat(ids).containsSubsequence("dropbear-2020.81", "dropbear-2022.83", "dropbear-2024.84",
                "dropbear-2025.89", "dropbear-2026.94");
    }

    @Test
    void everyReleaseRoundTripsThroughServerRelease() throws IOException {
        // The offer the CLI predicts against is the catalogue entry's, list by list and in order, for every entry.
        for (Release release : ReleaseCatalog.builtIn().all()) {
            CliRun run = negotiate("--json", "--client", "openssh-9.2", "--server-release", release.id());
            assertThat(run.err()).as(release.id()).isEmpty();
            JsonNode node = run.json().get(0);
            assertThat(node.get("release").asText()).isEqualTo(release.id());
            for (KexList list : ClientProfile.NEGOTIATED) {
                List<String> names = new ArrayList<>();
                node.get("serverOffer").get(list.key()).forEach(n -> names.add(n.asText()));
                assertThat(names).as(release.id() + " " + list.key())
                        .isEqualTo(release.defaultServerOffer().get(list)).isNotEmpty();
            }
        }
    }

    @Test
    void anOldClientAgainstTinysshdFailsInTheSeedsWording() {
        CliRun run = negotiate("--client", "jsch-0.1.55", "--client", "openssh-9.2", "--server-release",
                "tinysshd-20230101");

        assertThat(run.code()).as(run.err()).isEqualTo(NegotiateCommand.NEGOTIATION_FAILS);
        String offer = "curve25519-sha256,curve25519-sha256@libssh.org,sntrup761x25519-sha512@openssh.com";
        assertThat(run.out()).contains("tinysshd-20230101  default server offer of tinysshd 20230101",
                "(jsch-0.1.55): FAILS (kex)",
                "Unable to negotiate with tinysshd-20230101 port 22: no matching key exchange method found. Their offer: "
                        + offer, "No common kex: [S: " + offer + "] [C: ",
                "(openssh-9.2): negotiates", "kex               sntrup761x25519-sha512@openssh.com");
        assertThat(negotiate("--client", "jsch-0.1.55", "--server-release", "openssh-10.0").code()).isZero();
    }

    @Test
    void fixesForDropbearAndTinysshdReleasesNeverSaySshdConfig() throws Exception {
        String cbcOnly = Path.of(NegotiateReleaseTest.class.getResource("/profiles/old-appliance.yaml").toURI())
                .toString();
        List<String> args = new ArrayList<>(List.of("--client", cbcOnly));
        ClientProfiles.builtIn().ids().forEach(id -> args.addAll(List.of("--client", id)));
        for (String release : List.of("dropbear-2020.81", "dropbear-2022.83", "tinysshd-20230101", "openssh-9.2")) {
            List<String> withRelease = new ArrayList<>(args);
            withRelease.addAll(List.of("--server-release", release));
            CliRun run = negotiate(withRelease.toArray(String[]::new));
            assertThat(run.code()).as(release + run.err()).isEqualTo(NegotiateCommand.NEGOTIATION_FAILS);
            if (release.startsWith("openssh")) {
                assertThat(run.out()).contains("sshd_config: Ciphers +aes128-cbc");
            } else {
                assertThat(run.out()).as(release).doesNotContain("sshd_config", "HostKeyAlgorithms", "KexAlgorithms");
            }
            if (release.startsWith("dropbear")) {
                assertThat(run.out()).contains("Dropbear: no runtime setting; rebuild with '#define "
                        + "DROPBEAR_ENABLE_CBC_MODE 1' in localoptions.h");
            }
        }
    }

    @Test
    void jsonCarriesTheReleaseAndEveryClient() throws IOException {
        CliRun run = negotiate("--json", "--client", "openssh-9.2", "--server-release", "dropbear-2022.83");

        assertThat(run.code()).isZero();
        JsonNode node = run.json().get(0);
        assertThat(node.get("release").asText()).isEqualTo("dropbear-2022.83");
        assertThat(node.get("clients").get(0).get("chosen").get("kex").asText()).isEqualTo("curve25519-sha256");
    }

    @Test
    void anUnknownReleaseOrATargetIsAUsageError() {
        CliRun unknown = negotiate("--client", "openssh-9.2", "--server-release", "openssh-1.0");
        assertThat(unknown.code()).isEqualTo(Cli.USAGE);
        assertThat(unknown.err()).contains("no release 'openssh-1.0'", "openssh-10.0");

        CliRun withTarget = negotiate("--client", "openssh-9.2", "--server-release", "openssh-9.2", "127.0.0.1:22");
        assertThat(withTarget.code()).isEqualTo(Cli.USAGE);
        assertThat(withTarget.err()).contains("give no TARGET");

        assertThat(negotiate("--server-release", "openssh-9.2").code()).isEqualTo(Cli.USAGE);
    }
}
