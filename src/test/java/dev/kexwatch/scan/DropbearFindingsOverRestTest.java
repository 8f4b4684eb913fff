package dev.kexwatch.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.DropbearServer;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scanned Dropbear host's stored findings carry Dropbear remediation (localoptions.h lines, an upgrade), never
 * sshd_config lines: the service judges with the software version of the host's identification.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class DropbearFindingsOverRestTest {

    @Test
    void findingsOfTheRealDropbearAreFixedByBuildOptionsOrAnUpgrade() {
        try (DropbearServer dropbear = DropbearServer.start()) {
            long hostId = Api.addHost("127.0.0.1", dropbear.target().port(), Map.of("r20", "dropbear"));
            long scanId = given().post("/api/scans").then().statusCode(202).extract().jsonPath().getLong("id");
            await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/scans/" + scanId).then().extract()
                    .path("status"), "finished"::equals);

            List<Map<String, Object>> findings = given().get("/api/reports/hosts/" + hostId).then().statusCode(200)
                    .extract().jsonPath().getList("compliance.findings");
            assertThat(findings).isNotEmpty();
            for (Map<String, Object> finding : findings) {
                assertThat((String) finding.get("remediation")).as(finding.get("ruleId").toString())
                        .startsWith("/* kexwatch: Dropbear has no runtime algorithm settings")
                        .doesNotContainPattern("(?m)^(KexAlgorithms|HostKeyAlgorithms|Ciphers|MACs|Compression) ");
            }
            assertThat(findings).anySatisfy(f -> assertThat((String) f.get("remediation"))
                    .contains("#define DROPBEAR_SHA1_HMAC 0", "or upgrade Dropbear to 2025.89 or later"));
            given().delete("/api/hosts/" + hostId).then().statusCode(204);
        }
    }
}
