package dev.kexwatch.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.fleet.StoredOffer;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.MinaSshServer.Algorithms;
import dev.kexwatch.testsupport.PlannerStats;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * History as runs of identical observations: an unchanged host adds no row, identical offers are stored
 * once, a changed offer starts a new run and shows up as drift and in the fleet's changes.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class ScanHistoryTest {

    private static final String LABEL = "suite=history";

    @Test
    void unchangedHostsCostNoRowsAndChangesShowAsDrift() {
        Algorithms before = Algorithms.weak();
        Algorithms after = new Algorithms(before.kex(), before.hostKeys(),
                List.of("aes256-ctr", "aes128-ctr", "aes256-gcm@openssh.com"), before.macs());
        MinaSshServer twin = MinaSshServer.start(before);
        MinaSshServer changing = MinaSshServer.start(before);
        int port = changing.port();
        try (twin) {
            long changingId = Api.addHost("127.0.0.1", port, Map.of("suite", "history"));
            long twinId = Api.addHost("127.0.0.1", twin.port(), Map.of("suite", "history"));

            long first = Api.scan(LABEL);
            long offersAfterFirst = QuarkusTransaction.requiringNew().call(() -> StoredOffer.count());
            long second = Api.scan(LABEL);

            JsonPath history = Api.host(changingId);
            assertThat(history.getList("history")).hasSize(1);
            assertThat(history.getLong("history[0].firstScanId")).isEqualTo(first);
            assertThat(history.getLong("history[0].lastScanId")).isEqualTo(second);
            assertThat(history.getInt("history[0].seen")).isEqualTo(2);
            assertThat(Api.host(twinId).getLong("history[0].offerId"))
                    .as("two servers with one offer share one stored offer")
                    .isEqualTo(history.getLong("history[0].offerId"));
            long offersAfterSecond = QuarkusTransaction.requiringNew().call(() -> StoredOffer.count());
            assertThat(offersAfterSecond).isEqualTo(offersAfterFirst);

            changing.close();
            changing = MinaSshServer.start(after, port);
            long third = Api.scan(LABEL);

            JsonPath changed = Api.host(changingId);
            assertThat(changed.getList("history")).hasSize(2);
            assertThat(changed.getLong("history[0].firstScanId")).isEqualTo(third);
            assertThat(changed.getList("compliance.findings.ruleId")).doesNotContain("no-cbc-cipher");

            JsonPath drift = given().get("/api/reports/hosts/" + changingId + "/drift").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(drift.getList("lists.cipher_c2s.added")).containsExactly("aes256-ctr");
            assertThat(drift.getList("lists.cipher_c2s.removed")).containsExactly("aes128-cbc", "3des-cbc");
            assertThat(drift.getMap("lists")).containsOnlyKeys("cipher_c2s", "cipher_s2c");

            JsonPath between = given().queryParam("from", first).queryParam("to", second)
                    .get("/api/reports/hosts/" + changingId + "/drift").then().statusCode(200).extract().jsonPath();
            assertThat(between.getMap("lists")).isEmpty();

            JsonPath changes = given().queryParam("scan", third).queryParam("size", 1000).get("/api/reports/changes")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(changes.getList("items.hostId", Long.class)).contains(changingId).doesNotContain(twinId);
            // The page's drift is read for all its hosts at once: the same as the host's own drift.
            String item = "items.find { it.hostId == " + changingId + " }";
            assertThat(changes.getLong(item + ".fromScan")).isEqualTo(second);
            assertThat(changes.getLong(item + ".toScan")).isEqualTo(third);
            assertThat(changes.getList(item + ".lists.cipher_c2s.added")).containsExactly("aes256-ctr");
            assertThat(changes.getList(item + ".lists.cipher_c2s.removed")).containsExactly("aes128-cbc", "3des-cbc");
            JsonPath firstChanges = given().queryParam("scan", first).queryParam("size", 1000)
                    .get("/api/reports/changes").then().statusCode(200).extract().jsonPath();
            String added = "items.find { it.hostId == " + twinId + " }";
            assertThat(firstChanges.getString(added + ".fromScan")).as("new in the first scan").isNull();
            assertThat(firstChanges.getLong(added + ".toScan")).isEqualTo(first);

            List<Integer> trend = given().queryParam("scans", 3).get("/api/reports/trends").then().statusCode(200)
                    .extract().jsonPath().getList("scanId");
            assertThat(trend).containsExactly((int) first, (int) second, (int) third);
        } finally {
            changing.close();
        }
    }

    @Test
    void aScanRefreshesPlannerStatistics() {
        Instant before = PlannerStats.lastAnalyze("host_status");
        try (MinaSshServer server = MinaSshServer.start(Algorithms.weak())) {
            Api.addHost("127.0.0.1", server.port(), Map.of("suite", "statistics"));
            Api.scan("suite=statistics");
        }
        // The refresh follows the scan's end: it may land just after the run reads as finished.
        await().atMost(Duration.ofSeconds(10)).until(() -> PlannerStats.lastAnalyze("host_status").isAfter(before));
        assertThat(PlannerStats.lastAnalyze("observation")).isAfter(before);
        assertThat(PlannerStats.lastAnalyze("scan_claim")).as("analyzed once the run's claims were written")
                .isAfter(before);
    }
}
