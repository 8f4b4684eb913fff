package dev.kexwatch.listen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.ClientProfiles;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.probe.Identification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Captures as profiles and profile files, and their review by the client policy, without a network. */
class CapturedProfileTest {

    private static final List<String> LEGACY = List.of(
            "diffie-hellman-group1-sha1,curve25519-sha256,ext-info-c", "ssh-rsa,ssh-ed25519", "aes128-cbc,aes256-ctr",
            "aes128-cbc,aes256-ctr", "hmac-sha1,hmac-sha2-256", "hmac-sha1,hmac-sha2-256", "none", "none", "", "");

    @ParameterizedTest
    @CsvSource({"SSH-2.0-OpenSSH_9.2p1 Debian-2, OpenSSH, 9.2p1, captured-openssh_9.2p1",
        "SSH-2.0-PuTTY_Release_0.78, PuTTY, 0.78, captured-putty_release_0.78",
        "SSH-2.0-JSCH_2.28.8, JSch, 2.28.8, captured-jsch_2.28.8",
        "SSH-2.0-paramiko_2.12.0, Paramiko, 2.12.0, captured-paramiko_2.12.0",
        "SSH-2.0-APACHE-SSHD-2.20.0, Apache MINA SSHD, 2.20.0, captured-apache-sshd-2.20.0",
        "SSH-2.0-dropbear_2022.83, Dropbear, 2022.83, captured-dropbear_2022.83"})
    void namesTheClientFromItsIdentification(String line, String name, String version, String id) {
        Capture capture = capture(line, LEGACY);
        ClientProfile profile = CapturedProfile.of(capture, CapturedProfile.defaultId(capture));

        assertThat(profile.name()).isEqualTo(name);
        assertThat(profile.version()).isEqualTo(version);
        assertThat(profile.id()).isEqualTo(id);
        assertThat(profile.source()).contains("127.0.0.1:50522", "2026-12-02T10:00:00Z", line);
    }

    @Test
    void hostileNamesSurviveAProfileFileRoundTrip() {
        List<String> lists = new ArrayList<>(LEGACY);
        lists.set(0, "a: b,#x,- y,'q',\\x1b[31m,{z},curve25519-sha256");
        Capture capture = capture("SSH-2.0-Evil: #1 '\\x07", lists);
        ClientProfile profile = CapturedProfile.of(capture, CapturedProfile.defaultId(capture));

        ClientProfile read = ClientProfiles.builtIn().with("captured.yaml", ProfileFile.yaml(List.of(profile)))
                .find(profile.id()).orElseThrow();

        assertThat(read).isEqualTo(profile);
        assertThat(read.get(KexList.KEX)).containsExactly("a: b", "#x", "- y", "'q'", "\\x1b[31m", "{z}",
                "curve25519-sha256");
    }

    @Test
    void clientBaselineFindsLegacyNamesWithFixesInTheClientsSyntax() {
        ClientJudge judge = new ClientJudge(ClientJudge.clientBaseline());
        ClientReview openssh = judge.review(capture("SSH-2.0-OpenSSH_7.4", LEGACY), "c1", LocalDate.of(2026, 12, 2));
        ClientReview jsch = judge.review(capture("SSH-2.0-JSCH_0.1.54", LEGACY), "c2", LocalDate.of(2026, 12, 2));
        ClientReview paramiko = judge.review(capture("SSH-2.0-paramiko_2.12.0", LEGACY), "c3", LocalDate.of(2026, 12, 2));

        Evaluation evaluation = openssh.evaluation();
        assertThat(evaluation.findings()).extracting(f -> f.ruleId()).containsExactlyInAnyOrder("no-group1-kex",
                "no-sha1-hostkey", "no-cbc-cipher", "no-sha1-mac", "strict-kex-client");
        assertThat(openssh.remediation()).contains("ssh_config: KexAlgorithms -diffie-hellman-group1-sha1",
                "ssh_config: HostKeyAlgorithms -ssh-rsa", "ssh_config: Ciphers -aes128-cbc",
                "upgrade the client to OpenSSH 9.6 or later to offer kex-strict-c-v00@openssh.com");
        assertThat(jsch.remediation()).contains("JSch: session.setConfig(\"kex\", \"curve25519-sha256,ext-info-c\")",
                "JSch: session.setConfig(\"cipher.c2s\", \"aes256-ctr\"); JSch: session.setConfig(\"cipher.s2c\", \"aes256-ctr\")");
        assertThat(paramiko.remediation()).contains(
                "Paramiko: SSHClient.connect(..., disabled_algorithms={\"macs\": [\"hmac-sha1\"]})");
    }

    private static Capture capture(String line, List<String> lists) {
        return new Capture("127.0.0.1:50522", ListenOutcome.CAPTURED, "captured",
                Optional.of(new Identification(line, List.of())), Optional.of(ServerOffer.fromRaw(lists)),
                Instant.parse("2026-12-02T10:00:00Z"));
    }
}
