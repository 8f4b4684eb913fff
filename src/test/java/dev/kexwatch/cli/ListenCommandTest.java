package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kexwatch.negotiation.OpenSshClient;
import dev.kexwatch.testsupport.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kexwatch listen} captures Debian's OpenSSH client twice, prints JSON Lines with scan's keys, judges the
 * clients by the client policy with remediation in ssh_config syntax, and saves a profile file that
 * {@code negotiate --client FILE} accepts.
 */
class ListenCommandTest {

    @TempDir
    Path dir;

    @Test
    void capturesJudgesAndSavesClients() throws Exception {
        int port = Ports.freePort();
        Path profiles = dir.resolve("captured.yaml");
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(List.of("listen"), "--port",
                String.valueOf(port), "--count", "2", "--json", "--save-profile", profiles.toString()));
        Ports.awaitListening(port, Duration.ofSeconds(20), () -> !run.isDone());
        OpenSshClient.run(port);
        OpenSshClient.run(port, "Ciphers=aes128-cbc,aes256-ctr", "MACs=hmac-sha1");
        CliRun listen = run.get();

        assertThat(listen.code()).as(listen.err()).isEqualTo(TargetReport.WARNING);
        List<JsonNode> lines = listen.json();
        assertThat(lines).hasSize(2);
        JsonNode modern = lines.get(0);
        JsonNode legacy = lines.get(1);
        assertThat(modern.get("peer").asText()).startsWith(Ports.LOOPBACK + ":");
        assertThat(modern.get("identification").get("software").asText()).startsWith("OpenSSH_");
        assertThat(modern.get("lists").get("kex").toString()).contains("kex-strict-c-v00@openssh.com");
        // OpenSSH 9.2's default MACs still end in hmac-sha1-etm@openssh.com and hmac-sha1
        assertThat(rules(modern)).containsExactly("no-sha1-mac");
        assertThat(modern.get("profile").get("id").asText()).startsWith("captured-openssh_");
        assertThat(legacy.get("lists").get("cipher_c2s").toString()).isEqualTo("[\"aes128-cbc\",\"aes256-ctr\"]");
        assertThat(legacy.get("profile").get("id").asText()).isEqualTo(modern.get("profile").get("id").asText() + "-2");
        assertThat(rules(legacy)).containsExactlyInAnyOrder("no-cbc-cipher", "no-sha1-mac");
        assertThat(legacy.get("policy").get("findings").toString()).contains("ssh_config: Ciphers -aes128-cbc")
                .contains("ssh_config: MACs -hmac-sha1");

        CliRun negotiate = CliRun.of(List.of("negotiate"), "--client", profiles.toString(), "--server-release",
                "openssh-9.2");
        assertThat(negotiate.err()).isEmpty();
        assertThat(negotiate.out()).contains(modern.get("profile").get("id").asText())
                .contains(legacy.get("profile").get("id").asText());
    }

    /** IPv6: the listener bound on ::1 captures ssh -6, and --name names both captures. */
    @Test
    void capturesOverIpv6UnderTheGivenName() throws Exception {
        int port = Ports.freePort();
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of(List.of("listen"), "--bind",
                "::1", "--port", String.valueOf(port), "--count", "2", "--json", "--name", "build-agent"));
        Ports.awaitListening("::1", port, Duration.ofSeconds(20), () -> !run.isDone());
        String log = OpenSshClient.run("::1", port, "AddressFamily=inet6", "MACs=hmac-sha2-256");
        OpenSshClient.run("::1", port, "AddressFamily=inet6");
        CliRun listen = run.get();

        assertThat(log).contains("Connecting to ::1 [::1] port " + port);
        assertThat(listen.err()).contains("listening on 0:0:0:0:0:0:0:1:" + port);
        List<JsonNode> lines = listen.json();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("peer").asText()).startsWith("[0:0:0:0:0:0:0:1]:");
        assertThat(lines.get(0).get("lists").get("mac_c2s").toString()).isEqualTo("[\"hmac-sha2-256\"]");
        assertThat(lines.get(0).get("profile").get("id").asText()).isEqualTo("build-agent");
        assertThat(lines.get(0).get("profile").get("source").asText()).contains("[0:0:0:0:0:0:0:1]:");
        assertThat(lines.get(1).get("profile").get("id").asText()).isEqualTo("build-agent-2");
    }

    @Test
    void aBrokenPolicyOrBadCountIsAUsageError() {
        CliRun badPolicy = CliRun.of(List.of("listen"), "--port", "0", "--count", "1", "--policy", "no-such-policy");
        CliRun badCount = CliRun.of(List.of("listen"), "--port", "0", "--count", "-1");
        CliRun badSave = CliRun.of(List.of("listen"), "--port", "0", "--save-profile", "/no/such/dir/p.yaml");
        CliRun badName = CliRun.of(List.of("listen"), "--port", "0", "--name", "../agent\u001b[2J");

        assertThat(badPolicy.code()).isEqualTo(Cli.USAGE);
        assertThat(badPolicy.err()).contains("no-such-policy");
        assertThat(badCount.code()).isEqualTo(Cli.USAGE);
        assertThat(badCount.err()).contains("--count");
        assertThat(badSave.code()).isEqualTo(Cli.USAGE);
        assertThat(badSave.err()).contains("/no/such/dir/p.yaml");
        assertThat(badName.code()).isEqualTo(Cli.USAGE);
        assertThat(badName.err()).contains("--name '../agent\\x1b[2J' is not a profile id").doesNotContain("\u001b");
    }

    private static List<String> rules(JsonNode line) {
        List<String> rules = new ArrayList<>();
        line.get("policy").get("findings").forEach(f -> rules.add(f.get("rule").asText()));
        return rules;
    }

}
