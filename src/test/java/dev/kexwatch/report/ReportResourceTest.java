package dev.kexwatch.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.MinaSshServer.Algorithms;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fleet reports over one weak and one strong real server: filters, paging, CSV, summary, algorithm use. */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class ReportResourceTest {

    private static final Algorithms STRONG = new Algorithms(List.of("curve25519-sha256", "ecdh-sha2-nistp256"),
            List.of("rsa-sha2-512", "rsa-sha2-256"), List.of("aes256-gcm@openssh.com", "aes128-ctr"),
            List.of("hmac-sha2-256-etm@openssh.com", "hmac-sha2-512-etm@openssh.com"));

    @Inject
    ReportWarmup warmup;

    private static MinaSshServer weak;
    private static MinaSshServer strong;
    private static long weakId;
    private static long strongId;

    /** Once per class, but after Quarkus is up: REST calls need its port, unknown in a static @BeforeAll. */
    @BeforeEach
    void scanOneWeakAndOneStrongServer() {
        if (weak != null) {
            return;
        }
        weak = MinaSshServer.start(Algorithms.weak());
        strong = MinaSshServer.start(STRONG);
        weakId = Api.addHost("127.0.0.1", weak.port(), Map.of("suite", "reports", "tier", "legacy"));
        strongId = Api.addHost("127.0.0.1", strong.port(), Map.of("suite", "reports", "tier", "modern"));
        Api.scan("suite=reports");
    }

    @AfterAll
    static void stop() {
        weak.close();
        strong.close();
    }

    @Test
    void filtersByLabelStateAndSeverity() {
        JsonPath compliant = given().queryParam("label", "suite=reports").queryParam("state", "compliant")
                .get("/api/reports/latest").then().statusCode(200).extract().jsonPath();
        assertThat(compliant.getList("items.hostId", Long.class)).containsExactly(strongId);
        assertThat(compliant.getBoolean("items[0].compliant")).isTrue();

        JsonPath bad = given().queryParam("label", "suite=reports").get("/api/reports/non-compliant").then()
                .statusCode(200).extract().jsonPath();
        assertThat(bad.getList("items.hostId", Long.class)).containsExactly(weakId);
        assertThat(bad.getString("items[0].worstSeverity")).isEqualTo("high");
        assertThat(bad.getList("items[0].findings.ruleId", String.class))
                .contains("no-md5-mac", "no-cbc-cipher", "no-dss-hostkey");

        assertThat(given().queryParam("label", "suite=reports").queryParam("severity", "medium")
                .get("/api/reports/non-compliant").then().statusCode(200).extract().jsonPath()
                .getList("items.hostId", Long.class)).as("high is at least medium").containsExactly(weakId);
        given().queryParam("label", "suite=reports").queryParam("severity", "critical")
                .get("/api/reports/non-compliant").then().statusCode(200).body("total", equalTo(0));
        given().queryParam("label", "suite=reports").queryParam("size", 1).get("/api/reports/latest").then()
                .body("total", equalTo(2)).body("items.size()", equalTo(1));
        assertThat(given().queryParam("label", "suite=reports").queryParam("size", 1).queryParam("page", 1)
                .get("/api/reports/latest").then().statusCode(200).extract().jsonPath()
                .getList("items.hostId", Long.class)).as("pages follow host ids").containsExactly(strongId);
        given().queryParam("label", "suite=reports").queryParam("size", 1).queryParam("page", 2)
                .get("/api/reports/latest").then().body("items", empty()).body("total", equalTo(2));
    }

    @Test
    void badFiltersNameTheParameter() {
        given().queryParam("state", "broken").get("/api/reports/latest").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("state"));
        given().queryParam("severity", "awful").get("/api/reports/non-compliant").then().statusCode(400)
                .body("errors[0].field", equalTo("severity"));
        given().queryParam("size", 0).get("/api/reports/latest").then().statusCode(400);
    }

    @Test
    void nonCompliantHostsComeAsCsv() {
        String csv = given().accept("text/csv").queryParam("label", "suite=reports")
                .get("/api/reports/non-compliant").then().statusCode(200).contentType("text/csv").extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo(
                "host_id,address,port,labels,state,worst_severity,outcome,identification,rules,names,scan_id,probed_at");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith(weakId + ",127.0.0.1," + weak.port() + ",")
                .contains("non_compliant", "baseline/no-md5-mac", "hmac-md5");
    }

    @Test
    void summaryCountsStatesRulesAndLabelValues() {
        JsonPath summary = given().queryParam("groupBy", "tier").get("/api/reports/summary").then().statusCode(200)
                .extract().jsonPath();
        assertThat(summary.getLong("byLabel.legacy.non_compliant")).isGreaterThanOrEqualTo(1);
        assertThat(summary.getLong("byLabel.modern.compliant")).isGreaterThanOrEqualTo(1);
        assertThat(summary.getLong("byState.non_compliant")).isGreaterThanOrEqualTo(1);
        assertThat(summary.getLong("nonCompliantByPolicy.baseline")).isGreaterThanOrEqualTo(1);
        List<Map<String, Object>> rules = summary.getList("byRule");
        assertThat(rules).anySatisfy(r -> {
            assertThat(r).containsEntry("policyId", "baseline").containsEntry("ruleId", "no-md5-mac");
            assertThat(((Number) r.get("hosts")).longValue()).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void tellsWhichHostsOfferAnAlgorithm() {
        JsonPath md5 = given().get("/api/reports/algorithms/hmac-md5").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = md5.getList("items");
        assertThat(items).anySatisfy(u -> {
            assertThat(((Number) u.get("hostId")).longValue()).isEqualTo(weakId);
            assertThat(u.get("lists")).isEqualTo(List.of("mac_c2s", "mac_s2c"));
        });
        assertThat(md5.getList("items.hostId", Long.class)).doesNotContain(strongId);
        String csv = given().accept("text/csv").get("/api/reports/algorithms/curve25519-sha256").then()
                .statusCode(200).extract().asString();
        assertThat(csv).contains(strongId + ",127.0.0.1," + strong.port() + ",kex");
    }

    /** The start-up warm-up asks every report about a real host and writes each answer; none may fail. */
    @Test
    void warmUpAsksEveryReportWithoutAFailure() {
        List<ReportWarmup.Step> steps = warmup.steps();
        assertThat(steps).extracting(ReportWarmup.Step::name).contains("summary", "summary by label", "latest",
                "latest as CSV", "non-compliant", "non-compliant, high and worse", "algorithm use", "trends",
                "changes", "inventory", "host", "host drift");
        ReportWarmup.Outcome outcome = ReportWarmup.run(steps, 2, Duration.ofMinutes(1), System::nanoTime);
        assertThat(outcome.failed()).isEmpty();
        assertThat(outcome.rounds()).isEqualTo(2);
    }
}
