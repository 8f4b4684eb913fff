package dev.kexwatch.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.HostileBehaviour;
import dev.kexwatch.testsupport.HostileSshServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's host report carries the CLI's combined remediation, and a responding SSH-1 server is a finding, not
 * an unreachable host (issue 14, items 1 and 4).
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class HostRemediationReportTest {

    private static OpenSshServer legacy;
    private static HostileSshServer ssh1Only;
    private static HostileSshServer ssh199;
    private static long legacyId;
    private static long ssh1OnlyId;
    private static long ssh199Id;

    /** Once per class, after Quarkus is up (REST calls need its port). */
    @BeforeEach
    void scanThem() {
        if (legacy != null) {
            return;
        }
        legacy = OpenSshServer.start("Ciphers +aes128-cbc", "MACs +hmac-md5");
        ssh1Only = HostileSshServer.start(HostileBehaviour.SSH_1_5);
        ssh199 = HostileSshServer.start(HostileBehaviour.SSH_1_99);
        Map<String, String> labels = Map.of("suite", "i14-remediation");
        legacyId = Api.addHost("127.0.0.1", legacy.port(), labels);
        ssh1OnlyId = Api.addHost("127.0.0.1", ssh1Only.target().port(), labels);
        ssh199Id = Api.addHost("127.0.0.1", ssh199.target().port(), labels);
        Api.scan("suite=i14-remediation");
    }

    @AfterAll
    static void stop() {
        legacy.close();
        ssh1Only.close();
        ssh199.close();
    }

    @Test
    void hostReportCarriesTheCombinedRemediationForEveryPolicyInForce() {
        JsonPath host = Api.host(legacyId);
        assertThat(host.getString("remediation.server")).isEqualTo("openssh");
        assertThat(host.getString("remediation.sshdConfig")).contains("# kexwatch: one remediation for baseline")
                .contains("rfc9142").contains("\nCiphers ").contains("\nMACs ").doesNotContain("aes128-cbc")
                .doesNotContain("hmac-md5");
        assertThat(host.getString("remediation.advice")).contains("/etc/ssh/sshd_config.d/00-kexwatch.conf");
    }

    @Test
    void anSsh1OnlyServerIsACriticalFindingNotUnreachable() {
        JsonPath host = Api.host(ssh1OnlyId);
        assertThat(host.getString("compliance.state")).isEqualTo("non_compliant");
        assertThat(host.getString("compliance.worstSeverity")).isEqualTo("critical");
        assertThat(host.getList("compliance.findings.ruleId", String.class)).containsExactly("no-ssh1-only");
        assertThat(host.getString("remediation")).isNull();
    }

    @Test
    void ssh199IsAHighFinding() {
        JsonPath host = Api.host(ssh199Id);
        assertThat(host.getList("compliance.findings.ruleId", String.class)).contains("no-ssh1-enabled");
        assertThat(host.getString("compliance.worstSeverity")).isIn("high", "critical");
    }
}
