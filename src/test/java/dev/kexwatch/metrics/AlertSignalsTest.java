package dev.kexwatch.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.scan.ScanService;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.MinaSshServer.Algorithms;
import dev.kexwatch.testsupport.HostileSshServer;
import dev.kexwatch.testsupport.ShiftedClock;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The two gauges alerts hang on, against the real service and database: the staleness alert's timestamp moves
 * only for a scan that covered the fleet, and "weak algorithm appeared" stays raised for its window (24 h) or
 * until the host is fixed, however many unchanged scans follow. A day passes on the service's clock.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
@TestProfile(AlertSignalsTest.OwnDatabase.class)
class AlertSignalsTest {

    /**
     * A profile of its own: this class stamps scans and results a day ahead on the shifted clock, rows that would
     * pass for the newest in every later test of a shared service. The next start cleans the database (Flyway).
     */
    public static class OwnDatabase implements QuarkusTestProfile {
    }

    private static final Algorithms STRONG = new Algorithms(List.of("curve25519-sha256"), List.of("rsa-sha2-512"),
            List.of("aes256-gcm@openssh.com"), List.of("hmac-sha2-256-etm@openssh.com"));
    /** Offers whose every name the catalog rates ok, and the same with MD5 added (MINA would add zlib, weak). */
    private static final List<String> GOOD = List.of("curve25519-sha256", "ssh-ed25519", "aes256-ctr", "aes256-ctr",
            "hmac-sha2-256", "hmac-sha2-256", "none", "none", "", "");
    private static final List<String> WEAK = List.of("curve25519-sha256", "ssh-ed25519", "aes256-ctr", "aes256-ctr",
            "hmac-sha2-256,hmac-md5", "hmac-sha2-256,hmac-md5", "none", "none", "", "");

    private static final String IDENTIFICATION = "SSH-2.0-OpenSSH_9.2p1";

    @Inject
    ScanService scans;

    @Inject
    FleetGauges gauges;

    @AfterEach
    void realTime() {
        ShiftedClock.reset();
    }

    @Test
    void onlyAScanThatCoveredTheFleetAdvancesTheLastSuccessfulScan() {
        try (MinaSshServer a = MinaSshServer.start(STRONG); MinaSshServer b = MinaSshServer.start(STRONG)) {
            Api.addHost("127.0.0.1", a.port(), Map.of("suite", "alerts-fleet", "part", "one"));
            Api.addHost("127.0.0.1", b.port(), Map.of("suite", "alerts-fleet"));
            assertThat(scans.runNow("test", Map.of())).isPresent();
            double fleetScan = gauge("kexwatch_last_successful_scan_timestamp_seconds");
            assertThat(fleetScan).isPositive();

            Api.scan("env=nosuch");
            assertThat(gauge("kexwatch_last_successful_scan_timestamp_seconds")).as("a scan of no host")
                    .isEqualTo(fleetScan);
            Api.scan("part=one");
            assertThat(gauge("kexwatch_last_successful_scan_timestamp_seconds")).as("a scan of part of the fleet")
                    .isEqualTo(fleetScan);
            assertThat(scans.runNow("test", Map.of())).isPresent();
            assertThat(gauge("kexwatch_last_successful_scan_timestamp_seconds")).isGreaterThan(fleetScan);
        }
    }

    @Test
    void aWeakAlgorithmThatAppearedStaysRaisedForTheWindowOrUntilFixed() {
        HostileSshServer server = HostileSshServer.offering(IDENTIFICATION, GOOD);
        int port = server.target().port();
        long host = Api.addHost("127.0.0.1", port, Map.of("suite", "alerts-weak"));
        try {
            Api.scan("suite=alerts-weak");
            double before = gauge("kexwatch_hosts_weak_appeared");

            server = swap(server, WEAK, port);
            assertThat(weakAppearedAfterScan()).isEqualTo(before + 1);
            assertThat(weakAppearedAfterScan()).as("an unchanged scan does not clear it").isEqualTo(before + 1);

            server = swap(server, GOOD, port);
            assertThat(weakAppearedAfterScan()).as("fixed").isEqualTo(before);

            server = swap(server, WEAK, port);
            assertThat(weakAppearedAfterScan()).isEqualTo(before + 1);
            ShiftedClock.shiftBy(Duration.ofHours(23));
            assertThat(weakAppearedAfterScan()).as("23 h later, still within the window").isEqualTo(before + 1);
            ShiftedClock.shiftBy(Duration.ofHours(25));
            assertThat(weakAppearedAfterScan()).as("every appearance is over a day old").isZero();
        } finally {
            server.close();
            given().delete("/api/hosts/" + host).then().statusCode(204);
        }
    }

    private static HostileSshServer swap(HostileSshServer server, List<String> lists, int port) {
        server.close();
        return HostileSshServer.offering(IDENTIFICATION, lists, port);
    }

    private double weakAppearedAfterScan() {
        Api.scan("suite=alerts-weak");
        return gauge("kexwatch_hosts_weak_appeared");
    }

    /** The gauge after a refresh of its own: the scan's refresh may still be on its way when the scan shows finished. */
    private double gauge(String name) {
        gauges.refresh();
        String line = given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(name + " ")).findFirst().orElseThrow();
        return Double.parseDouble(line.substring(name.length() + 1).strip());
    }
}
