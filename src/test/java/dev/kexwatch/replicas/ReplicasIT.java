package dev.kexwatch.replicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.testsupport.CountingSshListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * nightly scan at the same moment one run starts.
 */
@TestMethodOrder(OrderAnnotation.class)
class ReplicasIT {

    private static final Database DB = Database.fromSystemProperties(
            System.getProperty("kexwatch.it.schema", "kexwatch_replicas_it"));
    private static Path dir;
    private static Replica a;
    private static Replica b;
    private static ZonedDateTime nightlyAt;

    @BeforeAll
    static void startTwoReplicas() throws IOException {
        DB.reset();
        dir = Files.createTempDirectory("kexwatch-replicas");
        // Both crons fire once, at the same second, after both replicas are up.
        nightlyAt = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(50).truncatedTo(ChronoUnit.SECONDS);
        String cron = "-Dkexwatch.scan.cron=" + nightlyAt.getSecond() + " " + nightlyAt.getMinute() + " "
                + nightlyAt.getHour() + " " + nightlyAt.getDayOfMonth() + " " + nightlyAt.getMonthValue() + " ?";
        a = Replica.start("replica-a", DB, dir, List.of(cron));
        b = Replica.start("replica-b", DB, dir, List.of(cron));
        a.awaitReady(Duration.ofSeconds(45));
        b.awaitReady(Duration.ofSeconds(45));
    }

    @AfterAll
    static void stop() {
        for (Replica replica : new Replica[] {a, b}) {
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
        await().atMost(Duration.ofSeconds(90)).until(() -> scheduledLines(a) + scheduledLines(b) == 2);

        List<Map<String, Object>> runs = DB.query("select status, scheduled_for from scan_run where trigger = 'schedule'");
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
            assertThat(DB.count("select done from scan_run where id = ?", scan)).isEqualTo(24);
            assertThat(DB.count("select (summary->>'outcome.OK')::int from scan_run where id = ?", scan))
                    .isEqualTo(24);
        } finally {
            hosts.forEach(CountingSshListener::close);
        }
    }

    @Test
    @Order(3)
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
                assertThat(DB.query("select claimed_by, done from scan_claim where scan_id = ? and host_id = ?", scan,
                        host).get(0)).containsEntry("claimed_by", "replica-a").containsEntry("done", true);
            }
            assertThat(DB.count("select done from scan_run where id = ?", scan)).isEqualTo(24);
            assertThat(DB.count("select count(*) from scan_claim where scan_id = ? and not done", scan)).isZero();
        } finally {
            hosts.forEach(CountingSshListener::close);
        }
    }

    private static List<CountingSshListener> listeners(String prefix, int n, long delayMillis) {
        List<CountingSshListener> hosts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            hosts.add(new CountingSshListener(prefix + i, delayMillis)); // one address each: no per-address cap
        }
        return hosts;
    }

    private static long scanOn(Replica replica, List<CountingSshListener> hosts, String suite) {
        for (CountingSshListener host : hosts) {
            assertThat(replica.post("/api/hosts", "{\"address\":\"" + host.address() + "\",\"port\":" + host.port()
                    + ",\"labels\":{\"suite\":\"" + suite + "\"}}").statusCode()).isEqualTo(201);
        }
        var started = replica.post("/api/scans?label=suite=" + suite, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return DB.count("select id from scan_run where status = 'running'");
    }

    private static String status(long scan) {
        return (String) DB.query("select status from scan_run where id = ?", scan).get(0).get("status");
    }

    private static Map<String, Long> probedBy(long scan) {
        return DB.query("select claimed_by, count(*) as n from scan_claim where scan_id = ? and done "
                + "group by claimed_by", scan).stream()
                .collect(Collectors.toMap(r -> (String) r.get("claimed_by"), r -> ((Number) r.get("n")).longValue()));
    }

    private static List<Object> held(long scan, String replica) {
        return DB.query("select host_id from scan_claim where scan_id = ? and claimed_by = ? and not done", scan,
                replica).stream().map(r -> r.get("host_id")).toList();
    }

    private static int scheduledLines(Replica replica) {
        return count(replica.log(), "Scheduled scan of");
    }

    private static int count(String text, String phrase) {
        return text.split(java.util.regex.Pattern.quote(phrase), -1).length - 1;
    }
}
