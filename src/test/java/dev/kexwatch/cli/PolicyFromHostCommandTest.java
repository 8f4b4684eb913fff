package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.policy.Check;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyLoader;
import dev.kexwatch.policy.Rule;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.OpenSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kexwatch policy from-host} on Debian's real sshd: the policy it writes, installed with {@code scan --policy},
 * judges the reference host compliant and a legacy-configured sshd not.
 */
class PolicyFromHostCommandTest {

    private static final String[] GOLDEN = {"KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256",
        "Ciphers aes256-gcm@openssh.com,chacha20-poly1305@openssh.com,aes256-ctr",
        "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com", "HostKeyAlgorithms ssh-ed25519,rsa-sha2-512"};
    private static final String[] LEGACY = {"KexAlgorithms +diffie-hellman-group14-sha1", "Ciphers +aes128-cbc",
        "MACs +hmac-sha1"};

    @TempDir
    Path dir;

    @Test
    void thePolicyFromTheGoldenSshdPassesItAndFailsALegacyOne() throws IOException {
        Path file = dir.resolve("golden.yaml");
        try (OpenSshServer golden = OpenSshServer.start(GOLDEN)) {
            CliRun written = CliRun.of(List.of("policy", "from-host"), "127.0.0.1:" + golden.port(), "--id", "golden",
                    "--label", "role=bastion", "-o", file.toString());
            assertThat(written.code()).as(written.err()).isZero();

            Policy policy = new PolicyLoader().load(file);
            assertThat(policy.id()).isEqualTo("golden");
            assertThat(policy.selector().labels()).containsEntry("role", "bastion");
            assertThat(allowed(policy, "same-kex")).containsExactly("sntrup761x25519-sha512@openssh.com",
                    "curve25519-sha256"); // in the host's order, the kex-strict signal left out
            assertThat(allowed(policy, "same-cipher")).containsExactly("aes256-gcm@openssh.com",
                    "chacha20-poly1305@openssh.com", "aes256-ctr");
            assertThat(allowed(policy, "same-hostkey")).containsExactly("ssh-ed25519", "rsa-sha2-512");

            CliRun same = CliRun.of(List.of("scan", "--json"), "--policy", file.toString(),
                    "127.0.0.1:" + golden.port());
            assertThat(same.code()).as(same.out()).isZero();
        }
        try (OpenSshServer legacy = OpenSshServer.start(LEGACY)) {
            CliRun judged = CliRun.of(List.of("scan", "--json"), "--policy", file.toString(),
                    "127.0.0.1:" + legacy.port());
            assertThat(judged.code()).isEqualTo(2); // medium findings
            assertThat(judged.out()).contains("same-kex", "diffie-hellman-group14-sha1", "same-cipher", "aes128-cbc",
                    "same-mac", "hmac-sha1");
        }
    }

    @Test
    void oneRulePerListFromMinaToStdoutAndAnUnreachableHostWritesNothing() throws IOException {
        MinaSshServer.Algorithms algorithms = new MinaSshServer.Algorithms(List.of("curve25519-sha256"),
                List.of("ecdsa-sha2-nistp256"), List.of("aes128-ctr", "aes256-ctr"), List.of("hmac-sha2-256"));
        int port;
        try (MinaSshServer mina = MinaSshServer.start(algorithms)) {
            port = mina.port();
            CliRun written = CliRun.of(List.of("policy", "from-host"), "127.0.0.1:" + port, "--id", "mina");
            assertThat(written.code()).as(written.err()).isZero();
            Policy policy = new PolicyLoader().parse(written.out(), "stdout");
            assertThat(policy.rules()).extracting(Rule::id).containsExactly("same-kex", "same-hostkey", "same-cipher",
                    "same-mac", "same-compression");
            assertThat(policy.selector().labels()).isEmpty();
        }
        CliRun refused = CliRun.of(List.of("policy", "from-host"), "127.0.0.1:" + port, "--id", "gone",
                "--timeout", "2");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).contains("no policy written");
    }

    @Test
    void aBadIdIsAUsageErrorBeforeAnythingIsWritten() {
        try (MinaSshServer mina = MinaSshServer.start(MinaSshServer.Algorithms.weak())) {
            Path file = dir.resolve("bad.yaml");
            CliRun bad = CliRun.of(List.of("policy", "from-host"), "127.0.0.1:" + mina.port(), "--id", "Bad Id!",
                    "-o", file.toString());
            assertThat(bad.code()).isEqualTo(Cli.USAGE);
            assertThat(bad.err()).contains("policy id 'Bad Id!'");
            assertThat(Files.exists(file)).isFalse();
        }
    }

    private static List<String> allowed(Policy policy, String ruleId) {
        return ((Check.AllowOnly) policy.rule(ruleId).orElseThrow().check()).names().stream().map(g -> g.text())
                .toList();
    }
}
