package dev.kexwatch.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.PackagedApp;
import dev.kexwatch.testsupport.TestDatabase;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * 10,000 targets of which 30% never answer (they accept the connection and say nothing): the scan ends within
 * (targets ÷ concurrency) × deadline plus a small margin, in a heap capped at 256 MiB that retains little, with
 * a result for every target. Storing runs while probing goes on; with a deadline as short as this one it is the
 * slower half on a loaded two-core machine, so the figures are logged for both.
 */
class LargeScanIT {

    private static final Logger LOG = Logger.getLogger(LargeScanIT.class);
    private static final int PER_ADDRESS = 1000;
    private static final int CONCURRENCY = 500;
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /** Start-up of the probe engine, JIT, the last batch's commit and the scan's summary query. */
    private static final Duration MARGIN = Duration.ofSeconds(5);

    @Test
    void tenThousandTargetsWithThirtyPercentSilentFinishInTime() {
        TestDatabase db = TestDatabase.freshSchema("it_large");
        try (ResponderProcess answering = ResponderProcess.start("answer", addresses(2, 7), PER_ADDRESS);
                ResponderProcess silent = ResponderProcess.start("silent", addresses(9, 3), PER_ADDRESS);
                PackagedApp app = PackagedApp.start("large-scan-it", settings(db), List.of("-Xmx256m"))) {
            List<Target> targets = new ArrayList<>(answering.targets());
            targets.addAll(silent.targets());
            assertThat(targets).hasSize(10_000);
            app.api().contentType("text/csv").body(csv(targets)).post("/api/hosts/import").then().statusCode(200);

            long started = System.nanoTime();
            JsonPath scan;
            try (HeapSampler heap = new HeapSampler(app)) {
                long id = app.api().post("/api/scans").then().statusCode(202).extract().jsonPath().getLong("id");
                // done counts probes as they finish (live progress); stored results trail it
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(
                        () -> app.api().get("/api/scans/" + id).then().extract().jsonPath().getInt("done"), done -> done >= 10_000);
                Duration probed = Duration.ofNanos(System.nanoTime() - started);
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(
                        () -> app.api().get("/api/scans/" + id).then().extract().path("status"), s -> !"running".equals(s));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                scan = app.api().get("/api/scans/" + id).then().statusCode(200).extract().jsonPath();
                long live = HeapSampler.sum(app, "jvm_gc_live_data_size_bytes");
                LOG.infof("10,000 targets (3,000 silent), concurrency %d, deadline %s: all probed after %d ms, "
                        + "finished (all stored) after %d ms, bound %d ms; peak heap used %d MiB, live data after the "
                        + "last GC %d MiB, -Xmx256m; summary %s", CONCURRENCY, DEADLINE, probed.toMillis(),
                        took.toMillis(), bound().toMillis(), heap.peakBytes() >> 20, live >> 20, scan.getMap("summary"));
                assertThat(took).isLessThan(bound());
                // Nothing per target outlives its result: what survives collection is a fraction of the cap.
                assertThat(live).isPositive().isLessThan(128L << 20);
            }
            assertThat(scan.getString("status")).isEqualTo("finished");
            assertThat(scan.getInt("done")).isEqualTo(10_000);
            assertThat(scan.getLong("summary.'outcome.OK'")).isEqualTo(7_000);
            assertThat(db.queryLong("select count(distinct host_id) from observation where outcome like 'TIMEOUT%'"))
                    .isEqualTo(3_000);
        }
    }

    /** (targets ÷ concurrency) × deadline + margin. */
    private static Duration bound() {
        return DEADLINE.multipliedBy(10_000 / CONCURRENCY).plus(MARGIN);
    }

    private static List<String> addresses(int first, int count) {
        return IntStream.range(first, first + count).mapToObj(i -> "127.0.0." + i).toList();
    }

    private static String csv(List<Target> targets) {
        StringBuilder csv = new StringBuilder("address,port,labels\n");
        targets.forEach(t -> csv.append(t.host()).append(',').append(t.port()).append(",suite=large\n"));
        return csv.toString();
    }

    private static Map<String, String> settings(TestDatabase db) {
        Map<String, String> settings = new HashMap<>(db.serviceSettings());
        settings.putAll(Map.of("kexwatch.probe.concurrency", String.valueOf(CONCURRENCY),
                "kexwatch.scan.per-address", String.valueOf(CONCURRENCY), "kexwatch.scan.retries", "0",
                "kexwatch.probe.timeout", DEADLINE.toSeconds() + "s"));
        return settings;
    }
}
