package dev.kexwatch.compliance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.kexwatch.fleet.ScanRun;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.TestPolicies;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Policies change at runtime: a posted policy is validated first, a valid one is installed and the stored
 * offers are judged again without probing; a broken file leaves the last good set in force and says so.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
@TestProfile(PolicyRuntimeTest.OwnPolicyDirectory.class)
class PolicyRuntimeTest {

    /** A copy of the shipped policies that this test may change. */
    public static class OwnPolicyDirectory implements QuarkusTestProfile {

        static final Path DIR = copyOfShippedPolicies();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kexwatch.policy.dir", DIR.toString());
        }

        private static Path copyOfShippedPolicies() {
            try (Stream<Path> files = Files.list(Path.of("policies"))) {
                Path dir = Files.createTempDirectory("kexwatch-policies");
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    Files.copy(file, dir.resolve(file.getFileName()));
                }
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String NO_CTR = TestPolicies.NO_CTR;

    @Inject
    PolicyRegistry registry;

    @Test
    void anInstalledPolicyJudgesStoredOffersWithoutProbing() {
        try (MinaSshServer server = MinaSshServer.start(MinaSshServer.Algorithms.weak())) {
            long hostId = Api.addHost("127.0.0.1", server.port(), Map.of("suite", "policy"));
            Api.scan("suite=policy");
            assertThat(Api.host(hostId).getList("compliance.findings.policyId")).doesNotContain("no-ctr");
            long scans = QuarkusTransaction.requiringNew().call(() -> ScanRun.count());

            given().contentType("application/yaml").body(bytes(NO_CTR)).put("/api/policies").then().statusCode(200)
                    .body("id", equalTo("no-ctr"));

            assertThat(Api.host(hostId).getList("compliance.findings.ruleId")).contains("forbid-ctr");
            assertThat(Api.host(hostId).getList("compliance.findings.names")).anySatisfy(
                    names -> assertThat(names.toString()).contains("aes128-ctr"));
            long after = QuarkusTransaction.requiringNew().call(() -> ScanRun.count());
            assertThat(after).as("judged again, not probed again").isEqualTo(scans);
            given().get("/api/policies").then().body("id", hasItem("no-ctr"));
        }
    }

    @Test
    void waivedFindingsAreReportedApartAndHostListsCarryThemBriefly() {
        String waived = NO_CTR.replace("no-ctr", "ctr-waived") + """
                waivers:
                  - id: lab-exception
                    rule: forbid-ctr
                    labels: {suite: waiver}
                    reason: lab box (TICKET-7)
                    expires: 2999-12-31
                """;
        try (MinaSshServer server = MinaSshServer.start(MinaSshServer.Algorithms.weak())) {
            long hostId = Api.addHost("127.0.0.1", server.port(), Map.of("suite", "waiver"));
            given().contentType("application/yaml").body(bytes(waived)).put("/api/policies").then().statusCode(200);
            Api.scan("suite=waiver");

            JsonPath host = Api.host(hostId);
            assertThat(host.getList("compliance.findings.ruleId")).doesNotContain("forbid-ctr")
                    .contains("no-md5-mac");
            assertThat(host.getString("compliance.waived.find { it.ruleId == 'forbid-ctr' }.waiver"))
                    .startsWith("lab-exception: lab box (TICKET-7)");
            assertThat(host.getString("compliance.findings.find { it.ruleId == 'no-md5-mac' }.remediation"))
                    .contains("MACs");
            assertThat(host.getList("compliance.findings.find { it.ruleId == 'no-md5-mac' }.evidence")).isNotEmpty();

            JsonPath list = given().queryParam("label", "suite=waiver")
                    .get("/api/reports/latest").then().statusCode(200).extract().jsonPath();
            assertThat(list.getList("items[0].waived.ruleId")).containsExactly("forbid-ctr");
            Map<String, Object> brief = list.getMap("items[0].findings.find { it.ruleId == 'no-md5-mac' }");
            assertThat(brief).containsKeys("ruleId", "severity", "names")
                    .doesNotContainKeys("remediation", "evidence", "rationale", "source");
        }
    }

    @Test
    void aDryRunValidatesWithoutInstalling() {
        given().contentType("application/yaml").body(bytes(NO_CTR.replace("no-ctr", "dry-run"))).post(
                "/api/policies/validate").then().statusCode(200).body("id", equalTo("dry-run"));
        given().contentType("application/yaml").body(bytes("id: broken\nversion: 1\ntitle: t\nrules:\n  - id: x\n    categry: kex\n"))
                .post("/api/policies/validate").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("line 6, column 5"))
                .body("errors.message", hasItem(org.hamcrest.Matchers.containsString("categry")));
        given().get("/api/policies").then().body("id", not(hasItem("dry-run"))).body("id", not(hasItem("broken")));
    }

    @Test
    void aBrokenFileKeepsTheLastGoodSetAndSaysSo() throws IOException {
        Path broken = OwnPolicyDirectory.DIR.resolve("broken.yaml");
        Files.writeString(broken, "id: broken\nversion: 1\nrules: [\n");
        try {
            registry.reloadIfChanged();
            given().get("/api/policies/status").then().statusCode(200).body("ok", equalTo(false))
                    .body("problems[0].file", equalTo(broken.toString()));
            given().get("/api/policies").then().body("id", hasItem("baseline"));
            assertThat(metric("kexwatch_policy_load_errors")).isPositive();
        } finally {
            Files.delete(broken);
        }
        registry.reloadIfChanged();
        given().get("/api/policies/status").then().body("ok", equalTo(true));
        assertThat(metric("kexwatch_policy_load_errors")).isZero();
    }

    @Test
    void installingAnIdThatAnotherFileDefinesIsRefusedAndChangesNothing() throws IOException {
        Path other = OwnPolicyDirectory.DIR.resolve("kept-under-another-name.yaml");
        Files.writeString(other, NO_CTR.replace("no-ctr", "twin"));
        try {
            registry.reloadIfChanged();
            given().get("/api/policies/twin").then().statusCode(200);

            given().contentType("application/yaml").body(bytes(NO_CTR.replace("no-ctr", "twin").replace("\"1\"", "\"2\"")))
                    .put("/api/policies").then().statusCode(422).contentType("application/problem+json");

            assertThat(OwnPolicyDirectory.DIR.resolve("twin.yaml")).doesNotExist();
            given().get("/api/policies/status").then().body("ok", equalTo(true));
            given().get("/api/policies/twin").then().statusCode(200).body("version", equalTo("1"));
        } finally {
            Files.delete(other);
            registry.reloadIfChanged();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static double metric(String name) {
        return given().get("/q/metrics").then().extract().asString().lines().filter(l -> l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(name.length() + 1))).findFirst().orElse(-1);
    }
}
