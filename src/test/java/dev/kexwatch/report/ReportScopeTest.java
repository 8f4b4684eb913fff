package dev.kexwatch.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.HostileBehaviour.Kexinits;
import dev.kexwatch.testsupport.HostileSshServer;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reports say what they describe: a label scan's summary and trend point count its own hosts only, the fleet
 * summary names the latest scan and dates its results, and drift shows software-version and order-only changes.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class ReportScopeTest {

    private static final String OLD = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3";
    private static final String NEW = "SSH-2.0-OpenSSH_9.6p1 Debian-2+deb12u3";

    @Test
    void driftShowsASoftwareUpgradeWithTheSameOffer() {
        HostileSshServer server = HostileSshServer.offering(OLD, Kexinits.standard());
        int port = server.target().port();
        long host = Api.addHost("127.0.0.1", port, Map.of("suite", "drift-software"));
        try {
            Api.scan("suite=drift-software");
            server.close();
            server = HostileSshServer.offering(NEW, Kexinits.standard(), port);
            Api.scan("suite=drift-software");

            JsonPath drift = drift(host);
            assertThat(drift.getString("software.from")).isEqualTo("OpenSSH_9.2p1");
            assertThat(drift.getString("software.to")).isEqualTo("OpenSSH_9.6p1");
            assertThat(drift.getBoolean("software.changed")).isTrue();
            assertThat(drift.getMap("lists")).isEmpty();
        } finally {
            server.close();
        }
    }

    @Test
    void driftShowsAChangeOfPreferenceOrderOnly() {
        HostileSshServer server = HostileSshServer.offering(OLD, Kexinits.standard());
        int port = server.target().port();
        long host = Api.addHost("127.0.0.1", port, Map.of("suite", "drift-order"));
        List<String> reordered = new ArrayList<>(Kexinits.standard());
        reordered.set(2, "aes256-ctr,aes128-ctr");
        try {
            Api.scan("suite=drift-order");
            server.close();
            server = HostileSshServer.offering(OLD, reordered, port);
            long second = Api.scan("suite=drift-order");

            JsonPath drift = drift(host);
            assertThat(drift.getMap("lists")).containsOnlyKeys("cipher_c2s");
            assertThat(drift.getBoolean("lists.cipher_c2s.reordered")).isTrue();
            assertThat(drift.getList("lists.cipher_c2s.added")).isEmpty();
            assertThat(drift.getList("lists.cipher_c2s.removed")).isEmpty();
            assertThat(drift.getBoolean("software.changed")).isFalse();
            assertThat(given().queryParam("scan", second).get("/api/reports/changes").then().statusCode(200)
                    .extract().jsonPath().getList("items.findAll { it.hostId == " + host + " }.lists.cipher_c2s.reordered"))
                    .containsExactly(true);
        } finally {
            server.close();
        }
    }

    @Test
    void aLabelScanSummarisesItsOwnHostsAndTheFleetSummaryNamesItsScan() {
        try (HostileSshServer one = HostileSshServer.offering(OLD, Kexinits.standard());
                HostileSshServer two = HostileSshServer.offering(OLD, Kexinits.standard())) {
            Api.addHost("127.0.0.1", one.target().port(), Map.of("suite", "scope", "scope-part", "one"));
            Api.addHost("127.0.0.1", two.target().port(), Map.of("suite", "scope"));
            Api.addHost("127.0.0.91", 1, Map.of("suite", "scope-down"));
            Api.scan("suite=scope");
            long labelScan = Api.scan("scope-part=one");

            Map<String, Integer> summary = given().get("/api/scans/" + labelScan).then().statusCode(200).extract()
                    .jsonPath().getMap("summary");
            assertThat(summary).as("one host scanned: one outcome, one state").containsOnlyKeys("outcome.OK",
                    "state.non_compliant").containsValues(1);

            JsonPath trends = given().queryParam("scans", 1).get("/api/reports/trends").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(trends.getLong("[0].scanId")).isEqualTo(labelScan);
            assertThat(trends.getMap("[0].selector")).containsExactly(Map.entry("scope-part", "one"));
            assertThat(trends.getInt("[0].hosts")).isEqualTo(1);
            assertThat(trends.getInt("[0].fleetHosts")).isGreaterThanOrEqualTo(3);
            assertThat(trends.getMap("[0].counts")).isEqualTo(summary);

            JsonPath fleet = given().get("/api/reports/summary").then().statusCode(200).extract().jsonPath();
            assertThat(fleet.getString("describes")).isEqualTo("the latest result of every enabled host");
            assertThat(fleet.getLong("latestScan.id")).isEqualTo(labelScan);
            assertThat(fleet.getMap("latestScan.selector")).containsExactly(Map.entry("scope-part", "one"));
            assertThat(fleet.getString("oldestResultAt")).isNotNull();
            assertThat(fleet.getLong("byState.unscanned")).as("the fleet's states, the scan's are not mixed in")
                    .isGreaterThanOrEqualTo(1);
        }
    }

    private static JsonPath drift(long host) {
        return given().get("/api/reports/hosts/" + host + "/drift").then().statusCode(200).extract().jsonPath();
    }
}
