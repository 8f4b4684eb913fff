package dev.kexwatch.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.fleet.RefusalTolerantStore;
import dev.kexwatch.fleet.ResultStore.Probed;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.probe.Identification;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeTimings;
import dev.kexwatch.probe.Target;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.HostileBehaviour.Kexinits;
import dev.kexwatch.testsupport.MinaSshServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Defence in depth behind the probe's escaping: a result the database refuses as data (here a raw NUL, as a
 * future code path that forgot to escape would hand over) is stored as a PROTOCOL_ERROR naming the refusal,
 * at once, and the good results of the same batch are stored as they are.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class RefusedResultTest {

    @Inject
    RefusalTolerantStore store;

    @Test
    void aRefusedResultMarksItsHostAndTheBatchGoesOn() {
        String batch = UUID.randomUUID().toString();
        try (MinaSshServer good = MinaSshServer.start(MinaSshServer.Algorithms.weak())) {
            long goodId = Api.addHost("127.0.0.1", good.target().port(), Map.of("batch", batch));
            long badId = Api.addHost("127.0.0.1", good.target().port() + 1, Map.of("batch", batch));
            // another test's scan may still run: a scan is refused (409) until it ends
            io.restassured.response.Response started = await().atMost(Duration.ofSeconds(120))
                    .until(() -> given().queryParam("label", "batch=" + batch).post("/api/scans"),
                            answer -> answer.statusCode() == 202);
            long scanId = started.jsonPath().getLong("id");
            Api.awaitStatus(scanId, "finished");
            List<Probed> results = new ArrayList<>(List.of(
                    probed(badId, result(good.target().port() + 1, "SSH-2.0-raw\0nul", "evil\0name")),
                    probed(goodId, result(good.target().port(), "SSH-2.0-Good_1.0", "curve25519-sha256"))));

            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> store.store(scanId, results));

            assertThat(results).isEmpty();
            JsonPath bad = Api.host(badId);
            assertThat(bad.getString("compliance.outcome")).isEqualTo("PROTOCOL_ERROR");
            assertThat(bad.getString("compliance.detail")).startsWith("the server's answer could not be stored")
                    .contains("SQLState 22").doesNotContain("\0");
            JsonPath fine = Api.host(goodId);
            assertThat(fine.getString("compliance.outcome")).isEqualTo("OK");
            assertThat(fine.getString("compliance.identification")).isEqualTo("SSH-2.0-Good_1.0");
        }
    }

    private static Probed probed(long hostId, ProbeResult result) {
        return new Probed(hostId, new HostRef(result.target().host(), result.target().port(), Map.of()), result);
    }

    private static ProbeResult result(int port, String identification, String kex) {
        return new ProbeResult(new Target("127.0.0.1", port), ProbeOutcome.OK, "identification and KEXINIT received",
                Optional.of("127.0.0.1"), Optional.of(new Identification(identification, List.of())),
                Optional.of(ServerOffer.fromRaw(Kexinits.withKex(kex))), ProbeTimings.none(Duration.ofMillis(5)),
                Instant.now());
    }
}
