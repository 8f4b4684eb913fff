package dev.kexwatch.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.HostileBehaviour;
import dev.kexwatch.testsupport.HostileSshServer;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.TinySshServer;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every hostile behaviour and a few real servers in one inventory, scanned through the service into the real
 * PostgreSQL: the scan ends within its deadline, every host has a stored result, every good host's offer is
 * stored, and the reports over the whole lot answer.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class HostileFleetScanTest {

    /**
     * 31 behaviours and 3 good servers on one address (4 probes at once), 3 s per probe, one retry: 51 s if every
     * probe timed out twice; the slack is for a loaded 2-core machine. A scan that retried a refused store
     * would wait 10 minutes (kexwatch.scan.store-retry-for) instead.
     */
    private static final Duration SCAN_DEADLINE = Duration.ofSeconds(150);

    private static final Map<HostileBehaviour, HostileSshServer> HOSTILE = new EnumMap<>(HostileBehaviour.class);
    private static MinaSshServer mina;
    private static OpenSshServer openssh;
    private static TinySshServer tinyssh;

    @BeforeAll
    static void startServers() {
        for (HostileBehaviour behaviour : HostileBehaviour.values()) {
            HOSTILE.put(behaviour, HostileSshServer.start(behaviour));
        }
        mina = MinaSshServer.start(MinaSshServer.Algorithms.weak());
        openssh = OpenSshServer.start();
        tinyssh = TinySshServer.start();
    }

    @AfterAll
    static void stopServers() {
        HOSTILE.values().forEach(HostileSshServer::close);
        mina.close();
        openssh.close();
        tinyssh.close();
    }

    @Test
    void aHostileFleetNeverCostsAGoodHostItsResult() {
        String corpus = UUID.randomUUID().toString();
        Map<String, String> labels = Map.of("corpus", corpus);
        Map<HostileBehaviour, Long> hostile = new EnumMap<>(HostileBehaviour.class);
        HOSTILE.forEach((behaviour, server) -> hostile.put(behaviour, add(server.target(), labels)));
        Map<Target, Long> good = new HashMap<>();
        for (Target target : List.of(mina.target(), openssh.target(), tinyssh.target())) {
            good.put(target, add(target, labels));
        }

        long scanId = given().queryParam("label", "corpus=" + corpus).post("/api/scans").then().statusCode(202)
                .extract().jsonPath().getLong("id");
        await().atMost(SCAN_DEADLINE).until(() -> given().get("/api/scans/" + scanId).then().extract().asString(),
                scan -> scan.contains("\"status\":\"finished\""));

        good.forEach((target, id) -> {
            JsonPath report = Api.host(id);
            assertThat(report.getString("compliance.outcome")).as(target.toString()).isEqualTo("OK");
            assertThat(report.getLong("compliance.scanId")).isEqualTo(scanId);
            assertThat(report.getList("lists." + KexList.KEX.key())).isNotEmpty();
        });
        hostile.forEach((behaviour, id) -> assertThat(Api.host(id).getString("compliance.outcome"))
                .as(behaviour.name()).isEqualTo(behaviour.expected().name()));
        assertThat(given().get("/api/scans/" + scanId).then().extract().jsonPath().getInt("done"))
                .isEqualTo(hostile.size() + good.size());
        theServersWordsAreStoredEscapedAndReportedWhole(hostile, corpus);
    }

    private static void theServersWordsAreStoredEscapedAndReportedWhole(Map<HostileBehaviour, Long> hostile,
            String corpus) {
        long nulName = hostile.get(HostileBehaviour.NUL_IN_NAMES);
        long esc = hostile.get(HostileBehaviour.ESC_IN_IDENTIFICATION);
        long huge = hostile.get(HostileBehaviour.HUGE_NAME);
        long nulIdent = hostile.get(HostileBehaviour.NUL_IN_IDENTIFICATION);
        assertThat(Api.host(nulName).getList("lists.kex")).containsExactly("curve25519-sha256", "evil\\x00name");
        assertThat(Api.host(esc).getString("compliance.identification")).contains("\\x1b[2J").doesNotContain("\u001b");
        assertThat(Api.host(huge).getList("lists.kex", String.class)).hasSize(2).last().asString().hasSize(64 * 1024);
        assertThat(Api.host(nulIdent).getString("compliance.identification")).isEqualTo("SSH-2.0-Nul\\x00_1.0");
        given().queryParam("label", "corpus=" + corpus).get("/api/reports/latest").then().statusCode(200);
        given().queryParam("groupBy", "corpus").get("/api/reports/summary").then().statusCode(200);
        given().get("/api/reports/algorithms/evil\\x00name").then().statusCode(200);
    }

    private static long add(Target target, Map<String, String> labels) {
        return Api.addHost(target.host(), target.port(), labels);
    }
}
