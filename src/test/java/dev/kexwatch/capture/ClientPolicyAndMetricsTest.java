package dev.kexwatch.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.kexwatch.listen.ClientJudge;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The listener's client policy comes from {@code kexwatch.listen.policy} (here {@value ListenerOnProfile#PINNED_POLICY},
 * not in force at start) and is looked up at each capture; every connection's outcome is counted in
 * {@code kexwatch_listener_connections_total}. Real clients: Debian's ssh, and the raw hostile client.
 */
@QuarkusTest
@TestProfile(ListenerOnProfile.class)
@CallsAs(Roles.OPERATOR)
class ClientPolicyAndMetricsTest {

    private static final String PINNED = ListenerOnProfile.PINNED_POLICY;
    private static final String COUNTER = "kexwatch_listener_connections_total";

    /**
     * The policy is missing, so the status says so and the built-in baseline judges; once installed over REST the
     * next capture is judged by it (its extra rule fires), while the earlier capture keeps its verdict.
     */
    @Test
    void capturesAreJudgedByTheConfiguredPolicyInForceAtCaptureTime() {
        JsonPath before = given().get("/api/captured-clients/listener").then().statusCode(200).extract().jsonPath();
        assertThat(before.getString("policy")).isEqualTo(PINNED);
        assertThat(before.getString("policyProblem")).contains("'" + PINNED + "' is not a policy in force")
                .contains("judged by the built-in client-baseline");
        long early = CapturedClientResourceTest.captureDefaultClient("umac-128@openssh.com,hmac-sha2-256");
        given().get("/api/captured-clients/" + early).then().statusCode(200)
                .body("capture.policy", equalTo(ClientJudge.CLIENT_BASELINE));

        given().contentType("application/yaml").body(pinnedPolicy().getBytes(StandardCharsets.UTF_8))
                .put("/api/policies").then().statusCode(200).body("id", equalTo(PINNED));
        given().get("/api/captured-clients/listener").then().statusCode(200).body("policy", equalTo(PINNED))
                .body("policyProblem", nullValue());
        long late = CapturedClientResourceTest.captureDefaultClient("umac-128@openssh.com,hmac-sha2-512");

        JsonPath capture = given().get("/api/captured-clients/" + late).then().statusCode(200).extract().jsonPath();
        assertThat(capture.getString("capture.policy")).isEqualTo(PINNED);
        assertThat(capture.getList("capture.findingRules", String.class)).contains("pinned-no-umac");
        assertThat(capture.getString("policy.id")).isEqualTo(PINNED);
        assertThat(capture.getString("policy.findings.find { it.rule == 'pinned-no-umac' }.remediation"))
                .contains("umac-128@openssh.com");
        given().get("/api/captured-clients/" + early).then().body("capture.policy",
                equalTo(ClientJudge.CLIENT_BASELINE)).body("capture.findingRules", org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem("pinned-no-umac")));
        given().delete("/api/captured-clients/" + early).then().statusCode(204);
        given().delete("/api/captured-clients/" + late).then().statusCode(204);
    }

    /** A real client counts as CAPTURED, a stream of non-SSH lines as NOT_SSH, an SSH-1 client as SSH1_ONLY. */
    @Test
    void everyConnectionIsCountedByItsOutcome() {
        int port = given().get("/api/captured-clients/listener").then().extract().path("port");
        double captured = counter("CAPTURED");
        double notSsh = counter("NOT_SSH");
        double ssh1 = counter("SSH1_ONLY");

        long id = CapturedClientResourceTest.captureDefaultClient("hmac-sha2-512-etm@openssh.com,hmac-sha2-256");
        // counted before it is stored, so already there once the capture is listed
        assertThat(counter("CAPTURED")).isEqualTo(captured + 1);
        given().delete("/api/captured-clients/" + id).then().statusCode(204);

        CapturedClientResourceTest.sendRaw(port, "hello\r\n".repeat(20_000).getBytes(StandardCharsets.US_ASCII));
        await().atMost(Duration.ofSeconds(30)).until(() -> counter("NOT_SSH") == notSsh + 1);
        CapturedClientResourceTest.sendRaw(port, "SSH-1.5-OldClient\r\n".getBytes(StandardCharsets.US_ASCII));
        await().atMost(Duration.ofSeconds(30)).until(() -> counter("SSH1_ONLY") == ssh1 + 1);

        assertThat(counter("CAPTURED")).isEqualTo(captured + 1);
        assertThat(counter("OVER_CAP")).as("every outcome has a series, 0 until it happens").isZero();
    }

    /** The built-in client-baseline under the pinned id, for hosts of no label, with one rule more. */
    private static String pinnedPolicy() {
        try (InputStream in = ClientJudge.class.getResourceAsStream(ClientJudge.CLIENT_BASELINE + ".yaml")) {
            String baseline = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return baseline.replace("\nid: client-baseline\n", "\nid: " + PINNED + "\nselector:\n  labels: {suite: "
                    + "no-host-has-this}\n") + """
                      - id: pinned-no-umac
                        category: mac
                        forbid: ["umac-*"]
                        severity: low
                        rationale: This fleet pins HMAC-SHA-2 MACs.
                        source: "opinion (kexwatch test)"
                    """;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double counter(String outcome) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(COUNTER + "{") && l.contains("outcome=\"" + outcome + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(COUNTER + " has no series for " + outcome));
    }
}
