package dev.kexwatch.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.WeakNames;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole path over REST: add real SSH servers to the inventory, scan, read the stored lists and the
 * baseline findings back from the report, and see the scan in /q/metrics.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class ScanFlowTest {

    private static OpenSshServer legacy;
    private static MinaSshServer mina;

    @BeforeAll
    static void startServers() {
        legacy = OpenSshServer.start("KexAlgorithms +diffie-hellman-group1-sha1", "Ciphers +aes128-cbc",
                "MACs +hmac-md5");
        mina = MinaSshServer.start(MinaSshServer.Algorithms.weak());
    }

    @AfterAll
    static void stopServers() {
        legacy.close();
        mina.close();
    }

    @Test
    void scansRealServersAndReportsTheirWeakAlgorithms() {
        long legacyId = addHost(legacy.port(), Map.of("env", "prod", "os", "debian"));
        long minaId = addHost(mina.port(), Map.of("env", "lab"));
        double okBefore = metric("kexwatch_probes_total{outcome=\"OK\"}");

        long scanId = scanAndWait();

        JsonPath legacyReport = hostReport(legacyId);
        assertThat(legacyReport.getString("outcome")).isEqualTo("OK");
        assertThat(legacyReport.getLong("scanId")).isEqualTo(scanId);
        assertThat(legacyReport.getString("identification")).startsWith("SSH-2.0-OpenSSH_");
        assertThat(legacyReport.getBoolean("compliant")).isFalse();
        assertThat(legacyReport.getString("state")).isEqualTo("non_compliant");

        Map<String, List<String>> stored = storedLists(legacyId);
        assertThat(stored.get(KexList.CIPHER_C2S.key())).containsExactlyElementsOf(legacy.effectiveList("ciphers"));
        assertThat(stored.get(KexList.MAC_S2C.key())).containsExactlyElementsOf(legacy.effectiveList("macs"));
        List<String> kex = new ArrayList<>(legacy.effectiveList("kexalgorithms"));
        kex.add("kex-strict-s-v00@openssh.com");
        assertThat(stored.get(KexList.KEX.key())).containsExactlyElementsOf(kex);

        assertThat(flaggedNames(legacyReport, "baseline"))
                .containsExactlyInAnyOrderElementsOf(WeakNames.inOffer(stored))
                .contains("diffie-hellman-group1-sha1", "aes128-cbc", "hmac-md5");
        assertThat(flaggedNames(hostReport(minaId), "baseline"))
                .containsExactlyInAnyOrderElementsOf(WeakNames.inOffer(storedLists(minaId)))
                .contains("diffie-hellman-group1-sha1", "3des-cbc", "hmac-md5", "ssh-dss");

        assertThat(metric("kexwatch_probes_total{outcome=\"OK\"}")).isGreaterThanOrEqualTo(okBefore + 2);
        assertThat(metric("kexwatch_hosts{state=\"non_compliant\"}")).isGreaterThanOrEqualTo(2);
        assertThat(metrics()).contains("kexwatch_scan_duration_seconds_count");
    }

    @Test
    void aSecondScanIsRefusedWhileOneRuns() throws Exception {
        try (var silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            // Accepts (the kernel does) and never speaks: the scan waits the whole deadline for it.
            long silentId = addHost(silent.getLocalPort(), Map.of("env", "silent"));
            int first = given().post("/api/scans").then().statusCode(202).extract().path("id");
            given().post("/api/scans").then().statusCode(409).contentType("application/problem+json");
            awaitFinished(first);
            assertThat(hostReport(silentId).getString("outcome")).isEqualTo("TIMEOUT_IDENTIFICATION");
            given().delete("/api/hosts/" + silentId).then().statusCode(204);
        }
    }

    private static long addHost(int port, Map<String, String> labels) {
        return Api.addHost("127.0.0.1", port, labels);
    }

    private static long scanAndWait() {
        long id = given().post("/api/scans").then().statusCode(202).extract().jsonPath().getLong("id");
        awaitFinished(id);
        return id;
    }

    private static void awaitFinished(long id) {
        await().atMost(Duration.ofSeconds(60)).until(
                () -> given().get("/api/scans/" + id).then().extract().path("status"), "finished"::equals);
    }

    private static JsonPath hostReport(long hostId) {
        return given().get("/api/reports/hosts/" + hostId).then().statusCode(200).extract().jsonPath()
                .setRootPath("compliance");
    }

    private static Map<String, List<String>> storedLists(long hostId) {
        return given().get("/api/reports/hosts/" + hostId).then().statusCode(200).extract().jsonPath()
                .getMap("lists");
    }

    private static List<String> flaggedNames(JsonPath report, String policy) {
        List<Map<String, Object>> findings = report.getList("findings");
        List<String> names = new ArrayList<>();
        findings.stream().filter(f -> policy.equals(f.get("policyId")))
                .forEach(f -> ((List<?>) f.get("names")).forEach(n -> names.add((String) n)));
        return names.stream().distinct().toList();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double metric(String series) {
        return metrics().lines().filter(l -> l.startsWith(series + " ")).mapToDouble(
                l -> Double.parseDouble(l.substring(series.length() + 1).trim())).findFirst().orElse(0);
    }
}
