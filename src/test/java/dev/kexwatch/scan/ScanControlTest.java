package dev.kexwatch.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.fleet.ScanRun;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import dev.kexwatch.testsupport.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A running scan shows its progress, can be cancelled, covers only the hosts its selector picks; retention. */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class ScanControlTest {

    @Inject
    ScanScheduler scheduler;

    @Test
    void progressThenCancelLeavesTheRestUnprobed() throws IOException {
        List<ServerSocket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 12; i++) {
                // The kernel accepts into the backlog; nobody ever speaks: each probe waits its whole deadline.
                ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
                silent.add(socket);
                Api.addHost("127.0.0.1", socket.getLocalPort(), Map.of("suite", "cancel"));
            }
            long id = given().queryParam("label", "suite=cancel").post("/api/scans").then().statusCode(202).extract()
                    .jsonPath().getLong("id");

            JsonPath running = await().atMost(Duration.ofSeconds(60)).until(
                    () -> given().get("/api/scans/" + id).then().extract().jsonPath(), p -> p.getInt("done") >= 1);
            assertThat(running.getString("status")).isEqualTo("running");
            assertThat(running.getInt("total")).isEqualTo(12);
            assertThat(running.getMap("selector")).containsEntry("suite", "cancel");
            assertThat(running.getInt("outcomes.TIMEOUT_IDENTIFICATION")).isGreaterThanOrEqualTo(1);
            assertThat(running.getLong("etaSeconds")).isPositive();

            given().post("/api/scans/" + id + "/cancel").then().statusCode(202);
            Api.awaitStatus(id, "cancelled");
            JsonPath cancelled = given().get("/api/scans/" + id).then().extract().jsonPath();
            int doneAtCancel = cancelled.getInt("done");
            assertThat(doneAtCancel).isLessThan(12);
            given().post("/api/scans/" + id + "/cancel").then().statusCode(409);

            for (ServerSocket socket : silent) {
                socket.close(); // now they refuse at once: the resumed part is quick
            }
            given().post("/api/scans/" + id + "/resume").then().statusCode(202);
            Api.awaitStatus(id, "finished");
            JsonPath resumed = given().get("/api/scans/" + id).then().extract().jsonPath();
            assertThat(resumed.getInt("done")).isEqualTo(12);
            assertThat(resumed.getInt("summary.'outcome.REFUSED'")).isEqualTo(12 - doneAtCancel);
            given().post("/api/scans/" + id + "/resume").then().statusCode(409);
        } finally {
            for (ServerSocket socket : silent) {
                socket.close();
            }
            given().queryParam("label", "suite=cancel").get("/api/hosts").then().extract().jsonPath()
                    .getList("items.id", Long.class).forEach(h -> given().delete("/api/hosts/" + h));
        }
    }

    @Test
    void aLabelSelectedScanProbesOnlyTheHostsCarryingTheLabels() throws IOException {
        try (ServerSocket in = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
                ServerSocket out = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            in.close();
            out.close(); // both refuse now: quick probes
            long inside = Api.addHost("127.0.0.1", in.getLocalPort(), Map.of("suite", "subset", "env", "prod"));
            long outside = Api.addHost("127.0.0.1", out.getLocalPort(), Map.of("suite", "subset", "env", "dev"));

            long scan = Api.scan("suite=subset,env=prod");

            assertThat(Api.host(inside).getLong("compliance.scanId")).isEqualTo(scan);
            assertThat(Api.host(inside).getString("compliance.outcome")).isEqualTo("REFUSED");
            assertThat(Api.host(outside).getString("compliance.state")).isEqualTo("unscanned");
            assertThat(given().get("/api/scans/" + scan).then().extract().jsonPath().getInt("total")).isEqualTo(1);
        }
        given().queryParam("label", "suite=subset,env").post("/api/scans").then().statusCode(400);
    }

    @Test
    void retentionDropsPastRunsButKeepsEachHostsCurrentState() throws IOException {
        long hostId;
        try (ServerSocket gone = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            gone.close();
            hostId = Api.addHost("127.0.0.1", gone.getLocalPort(), Map.of("suite", "retention"));
        }
        Api.scan("suite=retention");
        assertThat(scheduler.prune(Instant.now().plusSeconds(1))).isPositive();

        long scans = QuarkusTransaction.requiringNew().call(() -> ScanRun.count());
        assertThat(scans).isZero();
        assertThat(Api.host(hostId).getString("compliance.outcome")).isEqualTo("REFUSED");
        assertThat(Api.host(hostId).getList("history")).hasSize(1);
    }
}
