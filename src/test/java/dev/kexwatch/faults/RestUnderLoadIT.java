package dev.kexwatch.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.PackagedApp;
import dev.kexwatch.testsupport.SshResponder;
import dev.kexwatch.testsupport.TestDatabase;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Report endpoints under load (wrk, loopback, ten seconds) while a scan writes results: every response is a
 * 2xx, no socket error; latency figures are logged.
 */
class RestUnderLoadIT {

    private static final Logger LOG = Logger.getLogger(RestUnderLoadIT.class);
    private static final Duration LOAD = Duration.ofSeconds(10);
    private static final Duration WARM_UP = Duration.ofSeconds(2);

    @Test
    void reportsAnswerUnderLoadWhileAScanRuns() {
        TestDatabase db = TestDatabase.freshSchema("it_load");
        try (SshResponder fast = SshResponder.answering(List.of("127.0.0.1"), 1000, Duration.ZERO);
                // 640 hosts, 64 at a time, 2 s each: the second scan runs for about 20 s, past the load
                SshResponder slow = SshResponder.answering(List.of("127.0.0.1"), 640, Duration.ofSeconds(2));
                PackagedApp app = PackagedApp.start("rest-under-load-it", settings(db), List.of("-Xmx256m"))) {
            importHosts(app, fast.targets(), "fleet=fast");
            importHosts(app, slow.targets(), "fleet=slow");
            awaitEnd(app, app.api().queryParam("label", "fleet=fast").post("/api/scans").then().statusCode(202)
                    .extract().jsonPath().getLong("id"));

            long scan = app.api().post("/api/scans").then().statusCode(202).extract().jsonPath().getLong("id");
            String base = "http://127.0.0.1:" + app.port() + "/api/reports/";
            Wrk.run(base + "latest", app.token(), 8, WARM_UP); // untimed: JIT and connection pool
            CompletableFuture<Wrk> summary = CompletableFuture.supplyAsync(() -> Wrk.run(base + "summary", app.token(), 8,
                    LOAD));
            Map<String, Wrk> runs = Map.of("/latest", Wrk.run(base + "latest", app.token(), 8, LOAD), "/summary",
                    summary.join());
            assertThat(app.api().get("/api/scans/" + scan).then().extract().<String>path("status"))
                    .as("the scan ran all along").isEqualTo("running");
            int done = app.api().get("/api/scans/" + scan).then().extract().path("done");
            app.api().post("/api/scans/" + scan + "/cancel").then().statusCode(202);

            runs.forEach((path, run) -> {
                LOG.infof("wrk -t1 -c8 -d%ds --latency %s: %d requests, %.0f/s, p50 %s, p99 %s, non-2xx %d, "
                        + "socket errors %d", LOAD.toSeconds(), path, run.requests(), run.perSecond(), run.p50(),
                        run.p99(), run.non2xx(), run.socketErrors());
                assertThat(run.requests()).as(run.output()).isPositive();
                assertThat(run.non2xx()).as(run.output()).isZero();
                assertThat(run.socketErrors()).as(run.output()).isZero();
            });
            LOG.infof("the scan had %d of 1640 results when the load ended", done);
            assertThat(done).as("results written during the load").isBetween(1, 1639);
            awaitEnd(app, scan);
        }
    }

    private static void importHosts(PackagedApp app, List<Target> targets, String labels) {
        StringBuilder csv = new StringBuilder("address,port,labels\n");
        targets.forEach(t -> csv.append(t.host()).append(',').append(t.port()).append(',').append(labels).append('\n'));
        app.api().contentType("text/csv").body(csv.toString()).post("/api/hosts/import").then().statusCode(200);
    }

    private static void awaitEnd(PackagedApp app, long scan) {
        await().atMost(Duration.ofSeconds(60)).until(
                () -> app.api().get("/api/scans/" + scan).then().extract().path("status"), s -> !"running".equals(s));
    }

    private static Map<String, String> settings(TestDatabase db) {
        Map<String, String> settings = new HashMap<>(db.serviceSettings());
        settings.putAll(Map.of("kexwatch.scan.per-address", "64", "kexwatch.scan.retries", "0",
                "kexwatch.probe.timeout", "10s"));
        return settings;
    }
}
