package dev.kexwatch.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.devdb.EmbeddedDatabase;
import dev.kexwatch.fleet.Observation;
import dev.kexwatch.fleet.ScanRun;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.SshResponder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away in the middle of a scan and comes back: readiness reports it, the scan finishes, and
 * every probe that finished meanwhile is stored (results wait in memory while storing is retried). The database is
 * one this test starts for itself (embedded), so stopping it disturbs nothing else on the machine.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
@TestProfile(DatabaseRestartTest.Profile.class)
@WithTestResource(DatabaseRestartTest.OwnDatabase.class)
class DatabaseRestartTest {

    private static final Logger LOG = Logger.getLogger(DatabaseRestartTest.class);
    private static final int HOSTS = 40;

    /** 40 hosts, 4 at a time, each answering after a second: a scan of about ten seconds. */
    public static class Profile implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kexwatch.scan.per-address", "4", "kexwatch.scan.retries", "0",
                    "kexwatch.probe.timeout", "10s");
        }
    }

    /** Marks the field that gets this test's own database. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Own {
    }

    /** A PostgreSQL of this test's own, whatever the other tests use; the service under test is pointed at it. */
    public static class OwnDatabase implements QuarkusTestResourceLifecycleManager {

        private EmbeddedDatabase db;

        @Override
        public Map<String, String> start() {
            db = EmbeddedDatabase.start();
            return Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl(), "quarkus.datasource.username", db.user());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(db, new TestInjector.AnnotatedAndMatchesType(Own.class, EmbeddedDatabase.class));
        }

        @Override
        public void stop() {
            if (db != null) {
                db.close();
            }
        }
    }

    @Own
    EmbeddedDatabase database;

    @Test
    void aScanOutlivesADatabaseRestartAndLosesNoFinishedProbe() {
        assertThat(database.jdbcUrl()).as("the service's database is this test's own")
                .isEqualTo(ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        try (SshResponder hosts = SshResponder.answering(List.of("127.0.0.1"), HOSTS, Duration.ofSeconds(1))) {
            hosts.targets().forEach(t -> Api.addHost(t.host(), t.port(), Map.of("suite", "pg-restart")));
            long id = given().queryParam("label", "suite=pg-restart").post("/api/scans").then().statusCode(202)
                    .extract().jsonPath().getLong("id");
            await().atMost(Duration.ofSeconds(30)).until(() -> storedDone(id) >= 4);

            long down = System.nanoTime();
            try {
                database.stop();
                int answeredAtStop = hosts.answered();
                await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 503);
                assertThat(readiness().body().jsonPath().getString("status")).isEqualTo("DOWN");
                // Probes go on and finish while nothing can be stored.
                await().atMost(Duration.ofSeconds(30)).until(() -> hosts.answered() >= answeredAtStop + 8);
            } finally {
                database.restart();
            }
            long started = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).until(() -> readiness().statusCode() == 200);
            LOG.infof("Database away %d ms; ready again %d ms after it started",
                    (started - down) / 1_000_000, (System.nanoTime() - started) / 1_000_000);

            Api.awaitStatus(id, "finished");
            JsonPath scan = given().get("/api/scans/" + id).then().statusCode(200).extract().jsonPath();
            assertThat(scan.getInt("total")).isEqualTo(HOSTS);
            assertThat(scan.getInt("done")).isEqualTo(HOSTS);
            assertThat(resultsOf(id)).as("outcome of each host's result in the scan").hasSize(HOSTS)
                    .allSatisfy((host, outcome) -> assertThat(outcome).isEqualTo("OK"));
            // Each stored result is the one probe of its host, not a repeat after the outage.
            assertThat(hosts.targets()).allSatisfy(t -> assertThat(hosts.connections(t)).isEqualTo(1));
        }
    }

    private static io.restassured.response.Response readiness() {
        return given().get("/q/health/ready");
    }

    private static int storedDone(long scanId) {
        return QuarkusTransaction.requiringNew().call(() -> ScanRun.<ScanRun>findById(scanId).done);
    }

    /** The outcome of the stored result of the scan by host; fails on a host with two. */
    private static Map<Long, String> resultsOf(long scanId) {
        return QuarkusTransaction.requiringNew().call(() -> Observation.<Observation>list("lastScanId", scanId)
                .stream().collect(Collectors.toMap(o -> o.hostId, o -> o.outcome)));
    }
}
