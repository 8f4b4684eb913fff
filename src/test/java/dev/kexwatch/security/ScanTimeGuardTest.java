package dev.kexwatch.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.fleet.Host;
import dev.kexwatch.scan.ScanService;
import dev.kexwatch.testsupport.CountingSshListener;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scan checks targets again right before probing: hosts that are in the database but outside the
 * allowlist, by address or by what their name resolves to, are never connected to.
 */
@QuarkusTest
@CallsAs(Roles.VIEWER)
@TestProfile(ScanTimeGuardTest.OnlyOneAddress.class)
class ScanTimeGuardTest {

    /** Only 127.0.0.2 and names under localhost; localhost itself resolves to 127.0.0.1 or ::1, outside. */
    public static class OnlyOneAddress implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // One connection per host: no retries, which would count twice.
            return Map.of(ScanTargetGuard.KEY, "127.0.0.2/32,localhost", "kexwatch.scan.retries", "0");
        }
    }

    @Inject
    ScanService scans;

    @Test
    void storedHostsOutsideTheAllowlistAreNotProbed() {
        try (CountingSshListener allowed = new CountingSshListener("127.0.0.2", 0);
                CountingSshListener byAddress = new CountingSshListener("127.0.0.3", 0);
                CountingSshListener byName = new CountingSshListener("127.0.0.1", 0)) {
            long allowedId = store("127.0.0.2", allowed.port());
            long addressId = store("127.0.0.3", byAddress.port());
            long nameId = store("localhost", byName.port());

            assertThat(scans.runNow("test", java.util.Map.of())).isPresent();

            assertThat(allowed.accepted()).isEqualTo(1);
            assertThat(byAddress.accepted()).isZero();
            assertThat(byName.accepted()).isZero();
            assertThat(state(allowedId)).isNotEqualTo("unscanned");
            // Not probed, yet accounted for: the report says why.
            assertThat(outcome(addressId)).isEqualTo("NOT_ALLOWED");
            assertThat(outcome(nameId)).isEqualTo("NOT_ALLOWED");
        }
    }

    /** Straight into the database, past the REST validation, as an older allowlist could have let it in. */
    private static long store(String address, int port) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Host host = new Host();
            host.address = address;
            host.port = port;
            host.labels = new HashMap<>();
            host.createdAt = Instant.now();
            host.persist();
            return host.id;
        });
    }

    private static String outcome(long hostId) {
        return given().get("/api/reports/hosts/" + hostId).then().statusCode(200).extract().path("compliance.outcome");
    }

    private static String state(long hostId) {
        return given().get("/api/reports/hosts/" + hostId).then().statusCode(200).extract().path("compliance.state");
    }
}
