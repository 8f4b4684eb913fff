package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kexwatch negotiate} end to end: live probes of real servers, built-in and user profiles. */
class NegotiateCommandTest {

    /** A client with only CBC ciphers, as a user file. */
    private static final Path CBC_ONLY = resource("/profiles/old-appliance.yaml");

    private static OpenSshServer hardened;
    private static MinaSshServer weak;
    private static String refused;

    @BeforeAll
    static void start() {
        hardened = OpenSshServer.start("Ciphers aes256-ctr,aes256-gcm@openssh.com", "MACs hmac-sha2-512");
        weak = MinaSshServer.start(MinaSshServer.Algorithms.weak());
        refused = Ports.LOOPBACK + ":" + Ports.freePort();
    }

    @AfterAll
    static void stop() {
        hardened.close();
        weak.close();
    }

    private static Path resource(String name) {
        try {
            return Path.of(NegotiateCommandTest.class.getResource(name).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CliRun negotiate(String... args) {
        return CliRun.of(List.of("negotiate", "--timeout", "3"), args);
    }

    @Test
    void modernClientNegotiatesAndPrintsTheChosenAlgorithms() {
        CliRun run = negotiate("--client", "openssh-9.2", hardened.target().toString(), weak.target().toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(hardened.target() + "  SSH-2.0-OpenSSH_9.2",
                "OpenSSH 9.2p1 (Debian 12, 9.2p1-2+deb12u10) (openssh-9.2): negotiates",
                "cipher c2s        aes256-ctr", "mac s2c           hmac-sha2-512", "strict kex        on",
                weak.target() + "  " + weak.identification(), "kex               ecdh-sha2-nistp256",
                "cipher s2c        aes128-ctr", "mac c2s           hmac-sha2-256-etm@openssh.com");
    }

    @Test
    void oldClientFailsWithBothWordingsAndFixesAndExitsFour() {
        CliRun run = negotiate("--client", "jsch-0.1.55", hardened.target().toString());

        assertThat(run.code()).isEqualTo(NegotiateCommand.NEGOTIATION_FAILS);
        String port = String.valueOf(hardened.port());
        assertThat(run.out()).contains("(jsch-0.1.55): FAILS (mac s2c)",
                "ssh says          Unable to negotiate with 127.0.0.1 port " + port
                        + ": no matching MAC found. Their offer: hmac-sha2-512",
                "seed log          No common C2S mac: [S: hmac-sha2-512] [C: hmac-md5,hmac-sha1,hmac-sha2-256,"
                        + "hmac-sha1-96,hmac-md5-96]",
                "No common S2C mac: [S: hmac-sha2-512]",
                "Key exchange failed: Could not agree on key exchange parameters",
                "fix (client)      JSch: session.setConfig(\"mac.s2c\", session.getConfig(\"mac.s2c\") + "
                        + "\",hmac-sha2-512\")",
                "fix (server)      sshd_config: MACs +hmac-sha2-256");
    }

    @Test
    void jsonHasOneObjectPerTargetWithEveryClient() throws IOException {
        CliRun run = negotiate("--json", "-c", "openssh-9.2", "-c", "seed-cerberus-client", hardened.target().toString(),
                refused);

        assertThat(run.code()).isEqualTo(NegotiateCommand.NEGOTIATION_FAILS);
        List<JsonNode> nodes = run.json();
        assertThat(nodes).extracting(n -> n.get("outcome").asText()).containsExactly("OK", "REFUSED");
        assertThat(nodes.get(1).get("exitCode").asInt()).isEqualTo(1);
        JsonNode clients = nodes.get(0).get("clients");
        assertThat(clients).extracting(c -> c.get("client").asText()).containsExactly("openssh-9.2",
                "seed-cerberus-client");
        assertThat(clients.get(0).get("works").asBoolean()).isTrue();
        assertThat(clients.get(0).get("chosen").get("cipher_c2s").asText()).isEqualTo("aes256-ctr");
        assertThat(clients.get(0).has("failure")).isFalse();
        JsonNode failure = clients.get(1).get("failure");
        // The seed client has neither cipher; OpenSSH checks ciphers before MACs, so the cipher is reported.
        assertThat(failure.get("list").asText()).isEqualTo("cipher_s2c");
        assertThat(failure.get("reason").asText()).isEqualTo("no matching cipher found");
        assertThat(failure.get("seed").asText()).isEqualTo("No common S2C cipher: [S: aes256-ctr,aes256-gcm@openssh.com]"
                + " [C: aes128-ctr,aes128-cbc,3des-ctr,3des-cbc,blowfish-cbc]");
        assertThat(clients.get(1).get("seedLog").toString()).contains("No common C2S mac", "No common C2S cipher");
        assertThat(clients.get(1).get("fixes").findValuesAsText("side")).containsExactly("client", "server");
    }

    @Test
    void aProfileFromAUserFileWorksOnTheWeakHostOnly() {
        CliRun weakRun = negotiate("--client", CBC_ONLY.toString(), weak.target().toString());
        assertThat(weakRun.code()).as(weakRun.out() + weakRun.err()).isZero();
        assertThat(weakRun.out()).contains("Old appliance 1.0 (old-appliance): negotiates",
                "cipher c2s        aes128-cbc", "strict kex        off");

        CliRun hardenedRun = negotiate("--client", CBC_ONLY.toString(), hardened.target().toString());
        assertThat(hardenedRun.code()).isEqualTo(NegotiateCommand.NEGOTIATION_FAILS);
        assertThat(hardenedRun.out()).contains("FAILS (cipher s2c)", "no matching cipher found",
                "fix (server)      sshd_config: Ciphers +");
    }

    @Test
    void connectionErrorExitsOne() {
        CliRun run = negotiate("--client", "openssh-9.2", refused);
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains(refused + "  REFUSED", "not probed: connection refused");
    }

    @Test
    void oneProbeAtATimeStillReportsEveryTargetInTheOrderGiven() {
        CliRun run = negotiate("--concurrency", "1", "--client", "openssh-9.2", refused, weak.target().toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).contains(refused + "  REFUSED", weak.target() + "  SSH-2.0-");
        assertThat(run.out().indexOf(refused)).isLessThan(run.out().indexOf(weak.target().toString()));

        CliRun noTime = CliRun.of(List.of("negotiate"), "--timeout", "0", "--client", "openssh-9.2", refused);
        assertThat(noTime.code()).isEqualTo(Cli.USAGE);
        assertThat(noTime.err()).contains("kexwatch negotiate: --timeout must be more than 0 seconds");
    }

    @Test
    void unknownProfileOrBrokenFileIsAUsageError(@TempDir Path dir) throws IOException {
        CliRun unknown = negotiate("--client", "telnet-1.0", weak.target().toString());
        assertThat(unknown.code()).isEqualTo(Cli.USAGE);
        assertThat(unknown.err()).contains("no client profile 'telnet-1.0'", "openssh-9.2", "jsch-0.1.55");

        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(CBC_ONLY).replace("cipher:", "ciphers:"));
        CliRun bad = negotiate("--client", broken.toString(), weak.target().toString());
        assertThat(bad.code()).isEqualTo(Cli.USAGE);
        assertThat(bad.err()).contains(broken + ":8:5: unknown key 'ciphers'");

        assertThat(negotiate(weak.target().toString()).code()).isEqualTo(Cli.USAGE);
    }
}
