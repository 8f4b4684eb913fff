package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kexwatch.auth.AuthMethodsProbe;
import dev.kexwatch.testsupport.DropbearServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.Ports;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code scan --auth-methods [--auth-user NAME]}: the JSON field {@code authMethods}, null when not probed. */
class ScanAuthMethodsTest {

    @Test
    void authMethodsAppearOnlyWhenAskedForWithTheDefaultOrGivenUser() throws Exception {
        try (OpenSshServer sshd = OpenSshServer.start("PasswordAuthentication yes", "KbdInteractiveAuthentication no");
                DropbearServer dropbear = DropbearServer.start("-s")) {
            String sshdTarget = "127.0.0.1:" + sshd.port();
            String dropbearTarget = dropbear.target().toString();
            JsonNode plain = CliRun.of(List.of("scan", "--json"), sshdTarget).json().get(0);
            assertThat(plain.has("authMethods")).isTrue();
            assertThat(plain.get("authMethods").isNull()).isTrue();

            List<JsonNode> probed = CliRun.of(List.of("scan", "--json", "--auth-methods"), sshdTarget, dropbearTarget)
                    .json();
            assertThat(probed.get(0).get("authMethods").toString()).isEqualTo("{\"user\":\""
                    + AuthMethodsProbe.DEFAULT_USER + "\",\"methods\":[\"publickey\",\"password\"],\"noneAccepted\":false}");
            assertThat(probed.get(1).get("authMethods").get("methods").toString()).isEqualTo("[\"publickey\"]");

            JsonNode named = CliRun.of(List.of("scan", "--json", "--auth-methods", "--auth-user", "deploy"),
                    sshdTarget).json().get(0);
            assertThat(named.get("authMethods").get("user").asText()).isEqualTo("deploy");
        }
    }

    @Test
    void anUnreachableHostHasNoAuthMethodsAndTheScanStillReportsIt() throws Exception {
        CliRun run = CliRun.of(List.of("scan", "--json", "--auth-methods", "--timeout", "2"),
                Ports.LOOPBACK + ":" + Ports.freePort());
        assertThat(run.code()).isEqualTo(TargetReport.CONNECTION_ERROR);
        assertThat(run.json().get(0).get("authMethods").isNull()).isTrue();
    }

    @Test
    void mozillasKeysOnlyPolicyFailsAPasswordSshdAndPassesAKeysOnlyOne() throws Exception {
        try (OpenSshServer passwords = OpenSshServer.start("PasswordAuthentication yes",
                "KbdInteractiveAuthentication no");
                OpenSshServer keysOnly = OpenSshServer.start("PasswordAuthentication no",
                        "KbdInteractiveAuthentication no")) {
            CliRun bad = CliRun.of(List.of("scan", "--json", "--auth-methods", "--policy", "mozilla-openssh-auth"),
                    "127.0.0.1:" + passwords.port());
            assertThat(bad.code()).isEqualTo(TargetReport.FAILURE);
            JsonNode finding = bad.json().get(0).get("authFindings").get(0);
            assertThat(finding.get("rule").asText()).isEqualTo("mozilla-no-password-login");
            assertThat(finding.get("methods").toString()).isEqualTo("[\"password\"]");

            CliRun good = CliRun.of(List.of("scan", "--json", "--auth-methods", "--policy", "mozilla-openssh-auth"),
                    "127.0.0.1:" + keysOnly.port());
            assertThat(good.code()).isEqualTo(TargetReport.GOOD);
            assertThat(good.json().get(0).get("authFindings").size()).isZero();
        }
    }
}
