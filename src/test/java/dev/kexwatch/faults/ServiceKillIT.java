package dev.kexwatch.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.PackagedApp;
import dev.kexwatch.testsupport.SshResponder;
import dev.kexwatch.testsupport.TestDatabase;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The packaged service killed with SIGKILL in the middle of a scan: after a restart the scan says it was
 * interrupted, its stored progress matches its stored results, and resuming it probes only the hosts it has no
 * result for, each once.
 */
class ServiceKillIT {

    private static final int HOSTS = 40;

    @Test
    void aKilledScanIsMarkedInterruptedAndResumesWhereItStopped() {
        TestDatabase db = TestDatabase.freshSchema("it_kill");
        try (SshResponder hosts = SshResponder.answering(List.of("127.0.0.1"), HOSTS, Duration.ofSeconds(1));
                PackagedApp app = PackagedApp.start("service-kill-it", settings(db), List.of("-Xmx256m"))) {
            StringBuilder csv = new StringBuilder("address,port,labels\n");
            hosts.targets().forEach(t -> csv.append(t.host()).append(',').append(t.port()).append(",suite=kill\n"));
            app.api().contentType("text/csv").body(csv.toString()).post("/api/hosts/import").then().statusCode(200);
            long id = app.api().post("/api/scans").then().statusCode(202).extract().jsonPath().getLong("id");
            await().atMost(Duration.ofSeconds(60)).until(() -> storedDone(db, id) >= 8);

            app.kill();
            int doneAtKill = storedDone(db, id);
            assertThat(doneAtKill).isLessThan(HOSTS);
            assertThat(db.queryString("select status from scan_run where id = ?", id)).isEqualTo("running");
            Set<Long> storedBeforeKill = new HashSet<>(resultHosts(db, id));

            app.restart();
            JsonPath interrupted = app.api().get("/api/scans/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(interrupted.getString("status")).isEqualTo("interrupted");
            assertThat(interrupted.getString("finishedAt")).isNull();
            // One transaction per batch holds results and the counter: they agree, whatever the kill cut off.
            assertThat(interrupted.getInt("done")).isEqualTo(doneAtKill).isEqualTo(storedBeforeKill.size());

            app.api().post("/api/scans/" + id + "/resume").then().statusCode(202);
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> app.api().get("/api/scans/" + id).then().extract().path("status"), "finished"::equals);
            JsonPath finished = app.api().get("/api/scans/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(finished.getInt("done")).isEqualTo(HOSTS);
            List<Long> results = resultHosts(db, id);
            assertThat(results).hasSize(HOSTS).doesNotHaveDuplicates();
            assertThat(db.queryLong("select count(*) from observation where last_scan_id = ? and outcome <> 'OK'", id))
                    .isZero();
            assertProbedOnceAfterTheirResult(db, hosts, storedBeforeKill, doneAtKill);
        }
    }

    /**
     * A host with a result before the kill was not probed again; the others were probed once more at most (those
     * in flight when the service died).
     */
    private static void assertProbedOnceAfterTheirResult(TestDatabase db, SshResponder hosts, Set<Long> storedBefore,
            int doneAtKill) {
        int repeated = 0;
        for (Target target : hosts.targets()) {
            long hostId = db.queryLong("select id from host where address = ? and port = ?", target.host(),
                    target.port());
            int connections = hosts.connections(target);
            if (storedBefore.contains(hostId)) {
                assertThat(connections).as("connections to %s, stored before the kill", target).isEqualTo(1);
            } else {
                assertThat(connections).as("connections to %s", target).isBetween(1, 2);
                repeated += connections - 1;
            }
        }
        assertThat(repeated).isLessThanOrEqualTo(HOSTS - doneAtKill);
    }

    private static Map<String, String> settings(TestDatabase db) {
        Map<String, String> settings = new HashMap<>(db.serviceSettings());
        // A fixed instance id: the restarted service knows the run was its own, not a live replica's. No deep pass:
        // its handshakes after the scan would be second connections, and the test counts the scan's probes.
        settings.putAll(Map.of("kexwatch.scan.per-address", "4", "kexwatch.scan.retries", "0",
                "kexwatch.probe.timeout", "10s", "kexwatch.instance.id", "service-kill-it",
                "kexwatch.deep.enabled", "false"));
        return settings;
    }

    private static int storedDone(TestDatabase db, long scanId) {
        return (int) db.queryLong("select done from scan_run where id = ?", scanId);
    }

    private static List<Long> resultHosts(TestDatabase db, long scanId) {
        return db.queryLongs("select host_id from observation where last_scan_id = ?", scanId);
    }
}
