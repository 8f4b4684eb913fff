package dev.kexwatch.compliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.kexwatch.policy.Check;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyLoader;
import dev.kexwatch.security.TestTokens;
import dev.kexwatch.testsupport.OpenSshServer;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /api/policies/from-host} against Debian's real sshd, as an operator; viewers may not probe. */
@QuarkusTest
class ReferencePolicyResourceTest {

    @Test
    void theAnsweredPolicyAllowsExactlyTheListsSshdReportsForItself() {
        try (OpenSshServer sshd = OpenSshServer.start("Ciphers aes256-ctr,aes128-ctr",
                "MACs hmac-sha2-512-etm@openssh.com")) {
            String yaml = given().auth().oauth2(TestTokens.operator()).contentType("application/json")
                    .body(Map.of("host", "127.0.0.1", "port", sshd.port(), "id", "golden-rest",
                            "labels", Map.of("role", "golden")))
                    .post("/api/policies/from-host").then().statusCode(200)
                    .contentType(containsString("application/yaml")).extract().asString();
            Policy policy = new PolicyLoader().parse(yaml, "answer");
            assertThat(allowed(policy, "same-kex")).containsExactlyElementsOf(sshd.effectiveList("kexalgorithms"));
            assertThat(allowed(policy, "same-cipher")).containsExactly("aes256-ctr", "aes128-ctr");
            assertThat(allowed(policy, "same-mac")).containsExactly("hmac-sha2-512-etm@openssh.com");
            assertThat(policy.selector().labels()).isEqualTo(Map.of("role", "golden"));
            // the answer is a review copy: nothing was installed
            given().auth().oauth2(TestTokens.operator()).get("/api/policies/golden-rest").then().statusCode(404);
        }
    }

    @Test
    void refusalsAreLocatedAndNothingIsProbedOutsideTheAllowlist() {
        given().auth().oauth2(TestTokens.operator()).contentType("application/json")
                .body(Map.of("host", "192.0.2.1", "port", 22, "id", "outside")) // documentation address, refused
                .post("/api/policies/from-host").then().statusCode(403);
        given().auth().oauth2(TestTokens.viewer()).contentType("application/json")
                .body(Map.of("host", "127.0.0.1", "port", 22, "id", "viewer"))
                .post("/api/policies/from-host").then().statusCode(403);
        given().auth().oauth2(TestTokens.operator()).contentType("application/json")
                .body(Map.of("host", "127.0.0.1", "port", 70000, "id", "x"))
                .post("/api/policies/from-host").then().statusCode(400);
        try (OpenSshServer sshd = OpenSshServer.start()) {
            given().auth().oauth2(TestTokens.operator()).contentType("application/json")
                    .body(Map.of("host", "127.0.0.1", "port", sshd.port(), "id", "Not An Id"))
                    .post("/api/policies/from-host").then().statusCode(422)
                    .body("detail", containsString("policy id 'Not An Id'"));
        }
    }

    private static List<String> allowed(Policy policy, String ruleId) {
        return ((Check.AllowOnly) policy.rule(ruleId).orElseThrow().check()).names().stream().map(g -> g.text())
                .toList();
    }
}
