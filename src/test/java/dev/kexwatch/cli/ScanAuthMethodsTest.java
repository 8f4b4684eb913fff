package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import dev.kexwatch.auth.AuthMethodsProbe;
import dev.kexwatch.policy.AuthMethodsJudge;
import dev.kexwatch.testsupport.DropbearServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.PasswordlessUser;
import dev.kexwatch.testsupport.Ports;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code scan --auth-methods [--auth-user NAME]}: the JSON field {@code authMethods}, null when not probed; the
 * table's and SARIF's view of the same answer and its findings.
 */
class ScanAuthMethodsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    void tableAndSarifShowTheMethodsAndThePolicysFinding() throws Exception {
        try (OpenSshServer passwords = OpenSshServer.start("PasswordAuthentication yes",
                "KbdInteractiveAuthentication no")) {
            String target = "127.0.0.1:" + passwords.port();
            List<String> options = List.of("scan", "--auth-methods", "--policy", "mozilla-openssh-auth", "--format");
            CliRun table = CliRun.of(append(options, "table"), target);
            assertThat(table.out()).containsPattern("login methods +publickey, password \\(user "
                    + AuthMethodsProbe.DEFAULT_USER + "\\)")
                    .containsPattern("HIGH +mozilla-no-password-login \\(login\\): password");

            CliRun sarif = CliRun.of(append(options, "sarif"), target);
            assertThat(sarif.code()).isEqualTo(TargetReport.FAILURE);
            assertThat(ReportReaders.sarifSchema().validate(sarif.out(), InputFormat.JSON)).isEmpty();
            JsonNode run = JSON.readTree(sarif.out()).get("runs").get(0);
            JsonNode result = run.get("results").get(0);
            assertThat(result.get("ruleId").asText()).isEqualTo("mozilla-no-password-login");
            assertThat(result.get("level").asText()).isEqualTo("error");
            assertThat(result.at("/properties/methods").toString()).isEqualTo("[\"password\"]");
            assertThat(run.at("/tool/driver/rules/" + result.get("ruleIndex").asInt() + "/id").asText())
                    .isEqualTo("mozilla-no-password-login");
            assertThat(run.at("/properties/authMethods/0/methods").toString())
                    .isEqualTo("[\"publickey\",\"password\"]");
        }
    }

    @Test
    void noneLettingTheUserInIsACriticalFindingInEveryFormatWhateverThePolicy() throws Exception {
        assumeTrue(PasswordlessUser.exists(), "needs root to create the passwordless account " + PasswordlessUser.NAME);
        try (OpenSshServer sshd = OpenSshServer.start("PasswordAuthentication yes", "PermitEmptyPasswords yes")) {
            String target = "127.0.0.1:" + sshd.port();
            // a generous deadline: a full key exchange on a loaded machine can take seconds
            List<String> options = List.of("scan", "--timeout", "60", "--auth-methods", "--auth-user",
                    PasswordlessUser.NAME);
            CliRun json = CliRun.of(append(options, "--json"), target);
            JsonNode report = json.json().get(0);
            assertThat(report.at("/authMethods/noneAccepted").asBoolean()).as(report.toString()).isTrue();
            assertThat(json.code()).isEqualTo(TargetReport.FAILURE);
            assertThat(report.at("/authFindings/0/rule").asText()).isEqualTo(AuthMethodsJudge.NONE_ACCEPTED);
            assertThat(report.at("/authFindings/0/severity").asText()).isEqualTo("critical");

            assertThat(CliRun.of(append(options, "--format", "table"), target).out())
                    .containsPattern("login methods +none accepted \\(user " + PasswordlessUser.NAME + "\\)")
                    .containsPattern("CRITICAL +auth-none-accepted \\(login\\): none");
            String sarif = CliRun.of(append(options, "--format", "sarif"), target).out();
            assertThat(ReportReaders.sarifSchema().validate(sarif, InputFormat.JSON)).isEmpty();
            // the baseline's findings on Debian's default offer come first, the login finding after them
            List<JsonNode> none = new ArrayList<>();
            JSON.readTree(sarif).at("/runs/0/results").forEach(r -> {
                if (r.get("ruleId").asText().equals(AuthMethodsJudge.NONE_ACCEPTED)) {
                    none.add(r);
                }
            });
            assertThat(none).singleElement().satisfies(r -> {
                assertThat(r.get("level").asText()).isEqualTo("error");
                assertThat(r.at("/properties/methods").toString()).isEqualTo("[\"none\"]");
            });
        }
    }

    private static List<String> append(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }
}
