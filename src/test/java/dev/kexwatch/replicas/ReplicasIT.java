package dev.kexwatch.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.testsupport.CountingSshListener;
import dev.kexwatch.testsupport.PackagedApp;
import dev.kexwatch.testsupport.TestDatabase;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas of the packaged service on one database share scans: both take hosts of a run, none is probed
 * twice, a killed replica's hosts are taken over once its lease ran out, and when both schedulers fire the
 * nightly scan at the same moment one run starts. A policy installed on one replica is in force and judged on the
 * other within the shared poll interval, and a client profile added on one shows in the other's matrix and
 * metrics.
 */
@TestMethodOrder(OrderAnnotation.class)
class ReplicasIT {

    private static final List<String> JVM = List.of("-Xmx256m", "-Duser.timezone=UTC");
    private static TestDatabase db;
    private static PackagedApp a;
    private static PackagedApp b;
    private static ZonedDateTime nightlyAt;

    @BeforeAll
    static void startTwoReplicas() {
        db = TestDatabase.freshSchema("it_replicas");
        // Both crons fire once, at the same second, after both replicas are up: a start takes about 15 s on a quiet
        // machine (a minute on one loaded by parallel builds, where the first assertion says so); every second
        // past the start is waited out by the whole build.
        nightlyAt = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        String cron = nightlyAt.getSecond() + " " + nightlyAt.getMinute() + " " + nightlyAt.getHour() + " "
                + nightlyAt.getDayOfMonth() + " " + nightlyAt.getMonthValue() + " ?";
        a = PackagedApp.spawn("replica-a", settings("replica-a", cron), JVM);
        b = PackagedApp.spawn("replica-b", settings("replica-b", cron), JVM);
        a.awaitReady(Duration.ofSeconds(55));
        b.awaitReady(Duration.ofSeconds(55));
    }

    private static Map<String, String> settings(String id, String cron) {
        Map<String, String> settings = new HashMap<>(db.serviceSettings());
        settings.putAll(Map.of("kexwatch.instance.id", id, "kexwatch.scan.cron", cron,
                "kexwatch.scan.allow", "127.0.0.0/8", "kexwatch.scan.claim-batch", "4", "kexwatch.scan.lease", "3s",
                "kexwatch.scan.poll-every", "1s", "kexwatch.shared.poll-every", "1s",
                // Four probes at a time per replica: one replica alone cannot take the whole run at once.
                "kexwatch.probe.concurrency", "4",
                "kexwatch.probe.timeout", "5s", "kexwatch.scan.retries", "0"));
        return settings;
    }

    @AfterAll
    static void stop() {
        for (PackagedApp replica : new PackagedApp[] {a, b}) {
            if (replica != null) {
                replica.close();
            }
        }
    }

    @Test
    @Order(1)
    void whenBothSchedulersFireAtOnceOneNightlyRunStarts() {
        assertThat(ZonedDateTime.now(ZoneOffset.UTC)).as("both replicas up before the cron fires")
                .isBefore(nightlyAt);
        await().atMost(Duration.ofSeconds(240)).until(() -> scheduledLines(a) + scheduledLines(b) == 2);

        List<Map<String, Object>> runs = db.query("select status, scheduled_for from scan_run where trigger = 'schedule'");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("status")).isEqualTo("finished");
        String logs = a.log() + b.log();
        assertThat(count(logs, "ran on replica")).isEqualTo(1);
        assertThat(count(logs, "not started on replica")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void bothReplicasProbeHostsOfOneRunAndNoHostTwice() {
        List<CountingSshListener> hosts = listeners("127.0.3.", 24, 600);
        try {
            long scan = scanOn(a, hosts, "share");

            await().atMost(Duration.ofSeconds(90)).until(() -> status(scan).equals("finished"));
            Map<String, Long> byReplica = probedBy(scan);
            System.out.printf("scan %d: hosts probed per replica %s%n", scan, byReplica);
            assertThat(byReplica).containsOnlyKeys("replica-a", "replica-b");
            assertThat(byReplica.values()).allSatisfy(n -> assertThat(n).isPositive());
            assertThat(byReplica.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(24);
            assertThat(hosts).allSatisfy(h -> assertThat(h.accepted()).as("connections to %s", h.port()).isOne());
            assertThat(db.queryLong("select done from scan_run where id = ?", scan)).isEqualTo(24);
            assertThat(db.queryLong("select (summary->>'outcome.OK')::int from scan_run where id = ?", scan))
                    .isEqualTo(24);
        } finally {
            hosts.forEach(CountingSshListener::close);
        }
    }

    @Test
    @Order(3)
    void aPolicyInstalledOnOneReplicaIsInForceAndJudgedOnTheOther() {
        try (CountingSshListener listener = new CountingSshListener("127.0.5.1", 0)) {
            long hostId = addHost(a, listener, "shared-policy");
            scanAndWait(a, "shared-policy");
            long put = System.nanoTime();
            assertThat(a.api().contentType("application/yaml").body(NO_CTR.getBytes(StandardCharsets.UTF_8)).put("/api/policies").statusCode())
                    .isEqualTo(200);

            await().atMost(Duration.ofSeconds(30)).until(() -> b.api().get("/api/policies/replica-no-ctr")
                    .statusCode() == 200);
            System.out.printf("policy in force on the other replica %d ms after the PUT%n",
                    (System.nanoTime() - put) / 1_000_000);
            await().atMost(Duration.ofSeconds(30)).until(() -> metric(b,
                    "kexwatch_policy_hosts{policy=\"replica-no-ctr\",state=\"non_compliant\"}") == 1);
            assertThat(b.log()).contains("Policies reloaded");
            assertThat(b.api().get("/api/reports/hosts/" + hostId).jsonPath()
                    .getList("compliance.findings.policyId")).contains("replica-no-ctr");
            // b judges its own results under it too: a scan b runs alone stores them with the new policy's finding
            scanAndWait(b, "shared-policy");
            assertThat(db.queryString("select judged_by::text from host_status where host_id = ?", hostId))
                    .contains("replica-no-ctr");
        }
    }

    @Test
    @Order(4)
    void aProfileAddedOnOneReplicaShowsInTheOthersMatrixAndMetrics() {
        try (CountingSshListener listener = new CountingSshListener("127.0.5.2", 0)) {
            addHost(a, listener, "shared-profile");
            scanAndWait(a, "shared-profile");
            assertThat(a.api().contentType("application/yaml").body(GCM_ONLY.getBytes(StandardCharsets.UTF_8)).post("/api/compatibility/profiles")
                    .statusCode()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(30)).until(() -> b.api().queryParam("label", "suite=shared-profile")
                    .get("/api/compatibility/matrix").jsonPath().getList("cells.profile").contains("replica-gcm-only"));
            await().atMost(Duration.ofSeconds(30)).until(() -> metric(b,
                    "kexwatch_client_unreachable_hosts{profile=\"replica-gcm-only\"}") >= 1);
        }
    }

    @Test
    @Order(5)
    void aKilledReplicasHostsAreTakenOverAfterItsLease() {
        List<CountingSshListener> hosts = listeners("127.0.4.", 24, 2000);
        try {
            long scan = scanOn(a, hosts, "takeover");
            await().atMost(Duration.ofSeconds(30)).until(() -> !held(scan, "replica-b").isEmpty());
            List<Object> orphaned = held(scan, "replica-b");
            long killedAt = System.nanoTime();
            b.kill();

            await().atMost(Duration.ofSeconds(90)).until(() -> status(scan).equals("finished"));
            System.out.printf("scan %d: %d hosts of the killed replica taken over; finished %d ms after the kill%n",
                    scan, orphaned.size(), (System.nanoTime() - killedAt) / 1_000_000);
            for (Object host : orphaned) {
                assertThat(db.query("select claimed_by, done from scan_claim where scan_id = ? and host_id = ?", scan,
                        host).get(0)).containsEntry("claimed_by", "replica-a").containsEntry("done", true);
            }
            assertThat(db.queryLong("select done from scan_run where id = ?", scan)).isEqualTo(24);
            assertThat(db.queryLong("select count(*) from scan_claim where scan_id = ? and not done", scan)).isZero();
        } finally {
            hosts.forEach(CountingSshListener::close);
        }
    }

    private static final String NO_CTR = """
            id: replica-no-ctr
            version: "1"
            title: No CTR ciphers (replica test)
            selector:
              labels: {suite: shared-policy}
            rules:
              - id: forbid-ctr
                category: cipher
                forbid: ["*-ctr"]
                severity: low
                rationale: test policy
                source: "opinion (kexwatch test)"
            """;

    private static final String GCM_ONLY = """
            profiles:
              - id: replica-gcm-only
                name: GCM only
                version: "1"
                source: replica test
                kex: [curve25519-sha256]
                hostkey: [ssh-ed25519]
                cipher: [aes256-gcm@openssh.com]
                mac: [hmac-sha2-256]
                compression: [none]
            """;

    private static long addHost(PackagedApp replica, CountingSshListener host, String suite) {
        Response added = replica.api().contentType("application/json").body("{\"address\":\"" + host.address()
                + "\",\"port\":" + host.port() + ",\"labels\":{\"suite\":\"" + suite + "\"}}").post("/api/hosts");
        assertThat(added.statusCode()).isEqualTo(201);
        return added.jsonPath().getLong("id");
    }

    private static void scanAndWait(PackagedApp replica, String suite) {
        Response started = replica.api().queryParam("label", "suite=" + suite).post("/api/scans");
        assertThat(started.statusCode()).as(started.body().asString()).isEqualTo(202);
        long scan = started.jsonPath().getLong("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> status(scan).equals("finished"));
    }

    /** The value of one series on the replica's Prometheus page; -1 when it has none. */
    private static double metric(PackagedApp replica, String series) {
        return replica.api().get("/q/metrics").asString().lines().filter(l -> l.startsWith(series + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(series.length() + 1))).findFirst().orElse(-1);
    }

    private static List<CountingSshListener> listeners(String prefix, int n, long delayMillis) {
        List<CountingSshListener> hosts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            hosts.add(new CountingSshListener(prefix + i, delayMillis)); // one address each: no per-address cap
        }
        return hosts;
    }

    private static long scanOn(PackagedApp replica, List<CountingSshListener> hosts, String suite) {
        for (CountingSshListener host : hosts) {
            assertThat(replica.api().contentType("application/json").body("{\"address\":\"" + host.address()
                    + "\",\"port\":" + host.port() + ",\"labels\":{\"suite\":\"" + suite + "\"}}")
                    .post("/api/hosts").statusCode()).isEqualTo(201);
        }
        Response started = replica.api().queryParam("label", "suite=" + suite).post("/api/scans");
        assertThat(started.statusCode()).as(started.body().asString()).isEqualTo(202);
        return db.queryLong("select id from scan_run where status = 'running'");
    }

    private static String status(long scan) {
        return (String) db.query("select status from scan_run where id = ?", scan).get(0).get("status");
    }

    private static Map<String, Long> probedBy(long scan) {
        return db.query("select claimed_by, count(*) as n from scan_claim where scan_id = ? and done "
                + "group by claimed_by", scan).stream()
                .collect(Collectors.toMap(r -> (String) r.get("claimed_by"), r -> ((Number) r.get("n")).longValue()));
    }

    private static List<Object> held(long scan, String replica) {
        return db.query("select host_id from scan_claim where scan_id = ? and claimed_by = ? and not done", scan,
                replica).stream().map(r -> r.get("host_id")).toList();
    }

    private static int scheduledLines(PackagedApp replica) {
        return count(replica.log(), "Scheduled scan of");
    }

    private static int count(String text, String phrase) {
        return text.split(java.util.regex.Pattern.quote(phrase), -1).length - 1;
    }
}
