package dev.kexwatch.authmethods;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.auth.AuthMethodsProbe;
import dev.kexwatch.scan.ScanService;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.Ports;
import dev.kexwatch.testsupport.ShiftedClock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The service's login-method probe against real Debian sshd: only hosts with the configured label are probed, after
 * their scan; the answer is stored, judged by a forbid-auth-method policy, shows up in drift, changes and the
 * metrics when sshd is restarted with password login allowed, and the period keeps a host from being probed again.
 * Its own JVM (surefire execution {@code auth-service}): MINA's client registers BouncyCastle from Quarkus' class
 * loader here, which breaks Ed25519 casts of plain tests sharing the JVM (see the pom).
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
@TestProfile(AuthMethodsServiceTest.ProbeLabelledHosts.class)
class AuthMethodsServiceTest {

    private static final String POLICY = """
            id: s19-no-password
            version: "1"
            title: No password login on probed hosts
            selector:
              labels:
                login-probe: "yes"
            rules:
              - id: no-password
                forbid-auth-method: [password, keyboard-interactive]
                severity: high
                rationale: Passwords can be guessed.
                source: test
            """;

    /** Probing on for hosts labelled login-probe=yes, at most once an hour; a fresh database. */
    public static class ProbeLabelledHosts implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kexwatch.auth-methods.enabled", "true", "kexwatch.auth-methods.label", "login-probe=yes",
                    "kexwatch.auth-methods.every", "1h", "kexwatch.auth-methods.timeout", "60s");
        }
    }

    @Inject
    AuthMethodsRounds rounds;

    @Inject
    ScanService scans;

    @AfterEach
    void resetClock() {
        ShiftedClock.reset();
    }

    @Test
    void passwordLoginAppearingIsStoredJudgedDriftedAndCounted() throws Exception {
        given().contentType("application/yaml").body(POLICY.getBytes(StandardCharsets.UTF_8)).put("/api/policies")
                .then().statusCode(200);
        try (OpenSshServer sshd = OpenSshServer.startWithIncludeDir("PasswordAuthentication no",
                "KbdInteractiveAuthentication no");
                OpenSshServer unlabelled = OpenSshServer.start("PasswordAuthentication yes")) {
            long host = Api.addHost(Ports.LOOPBACK, sshd.port(), Map.of("login-probe", "yes", "suite", "s19"));
            long other = Api.addHost(Ports.LOOPBACK, unlabelled.port(), Map.of("suite", "s19"));

            Api.scan("suite=s19");
            JsonPath first = awaitMethods(host, List.of("publickey"));
            assertThat(first.getString("authMethods.user")).isEqualTo(AuthMethodsProbe.DEFAULT_USER);
            assertThat(first.getBoolean("authMethods.noneAccepted")).isFalse();
            assertThat(first.getList("authMethods.findings")).isEmpty();
            assertThat(Api.host(other).getMap("authMethods")).as("not selected: never probed").isNull();
            assertThat(metric("kexwatch_hosts_auth_method", "publickey")).isEqualTo(1);
            assertThat(metric("kexwatch_hosts_auth_method", "password")).isZero();

            Files.writeString(sshd.includeDir().resolve("00-passwords.conf"), "PasswordAuthentication yes\n");
            sshd.restart();
            // runNow returns once the scan's end observers ran, so the round this scan started exists and is the
            // one joined here (a scan awaited over REST is "finished" before them: the round it starts could
            // begin after the clock moved below and probe on this scan's behalf)
            scans.runNow("test", Map.of("suite", "s19")).orElseThrow();
            rounds.start().join();
            assertThat(Api.host(host).getList("authMethods.methods")).as("probed less than an hour ago")
                    .containsExactly("publickey");

            ShiftedClock.shiftBy(Duration.ofHours(2));
            long third = scans.runNow("test", Map.of("suite", "s19")).orElseThrow().id();
            JsonPath now = awaitMethods(host, List.of("publickey", "password"));
            assertThat(now.getString("authMethods.findings[0].policy")).isEqualTo("s19-no-password");
            assertThat(now.getString("authMethods.findings[0].rule")).isEqualTo("no-password");
            assertThat(now.getString("authMethods.findings[0].severity")).isEqualTo("high");
            assertThat(now.getList("authMethods.findings[0].methods")).containsExactly("password");
            assertThat(now.getLong("authMethods.firstScanId")).isEqualTo(third);

            JsonPath drift = given().get("/api/reports/hosts/" + host + "/drift").then().statusCode(200).extract()
                    .jsonPath();
            assertThat(drift.getList("authMethods.added")).containsExactly("password");
            assertThat(drift.getList("authMethods.removed")).isEmpty();
            assertThat(drift.getBoolean("authMethods.changed")).isTrue();

            JsonPath changes = given().queryParam("scan", third).get("/api/reports/changes").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(changes.getList("items.hostId", Long.class)).containsExactly(host);
            assertThat(changes.getMap("items[0].lists")).as("the offer did not change").isEmpty();
            assertThat(changes.getList("items[0].authMethods.added")).containsExactly("password");

            assertThat(metric("kexwatch_hosts_auth_method", "password")).isEqualTo(1);
            assertThat(metric("kexwatch_hosts_auth_method_appeared", "password")).isEqualTo(1);
            assertThat(metric("kexwatch_hosts_auth_method_appeared", "publickey")).isZero();
        }
    }

    /** Waits for the probe the scan's end started, then returns the host's report. */
    private static JsonPath awaitMethods(long host, List<String> methods) {
        await().atMost(Duration.ofSeconds(150))
                .until(() -> methods.equals(Api.host(host).getList("authMethods.methods")));
        return Api.host(host);
    }

    private static double metric(String name, String method) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(name + "{") && l.contains("method=\"" + method + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no series for " + method));
    }
}
