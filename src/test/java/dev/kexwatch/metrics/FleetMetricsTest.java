package dev.kexwatch.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kexwatch.scan.ScanService;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.MinaSshServer.Algorithms;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.Ports;
import dev.kexwatch.testsupport.PrometheusServer;
import io.quarkus.test.common.http.TestHTTPResource;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet metrics end to end: real SSH servers scanned twice (one address swaps the compose demo's hardened sshd
 * for its weak one in between), then a real Prometheus scrapes the app and evaluates the shipped alert rules.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
@TestProfile(PerHostMetricsProfile.class)
class FleetMetricsTest {

    private static final Path RULES = Path.of("helm/kexwatch/files/prometheus/kexwatch-rules.yaml");
    private static final Path DASHBOARD = Path.of("helm/kexwatch/files/grafana/kexwatch-dashboard.json");
    /** The swapped host's fixed port; sshd listens on every Port line, so also on OpenSshServer's random one. */
    private static final int SWAPPED_PORT = Ports.freePort();

    private static OpenSshServer hardened;
    private static MinaSshServer weak;
    private static OpenSshServer swapped;
    private static PrometheusServer prometheus;
    private static Instant secondScanStarted;

    @TestHTTPResource("/")
    URL app;

    @Inject
    ScanService scans;

    @BeforeAll
    static void startServers() throws IOException {
        hardened = OpenSshServer.start(demoConfig("hardened"));
        weak = MinaSshServer.start(Algorithms.weak());
        swapped = OpenSshServer.start(demoConfig("hardened", "Port " + SWAPPED_PORT));
    }

    /** The compose demo's sshd drop-in, plus extra lines. */
    private static String[] demoConfig(String profile, String... extra) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("src/main/docker/ssh-demo/" + profile + ".conf")));
        lines.removeIf(l -> l.isBlank() || l.startsWith("#"));
        lines.addAll(List.of(extra));
        return lines.toArray(String[]::new);
    }

    @AfterAll
    static void stopServers() {
        for (AutoCloseable c : new AutoCloseable[] {prometheus, swapped, weak, hardened}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // the other servers must still stop
            }
        }
    }

    /** Once for the class: two scans, the swap between them, then Prometheus. */
    @BeforeEach
    void scanTwiceThenStartPrometheus() throws IOException {
        if (prometheus != null) {
            return;
        }
        addHost(hardened.port(), Map.of("profile", "hardened"));
        addHost(weak.port(), Map.of("env", "lab"));
        addHost(SWAPPED_PORT, Map.of("env", "lab"));
        addHost(Ports.freePort(), Map.of("env", "gone")); // nothing listens: refused
        assertThat(scans.runNow("test", Map.of())).isPresent();
        swapped.close();
        swapped = OpenSshServer.start(demoConfig("weak", "Port " + SWAPPED_PORT));
        secondScanStarted = Instant.now();
        assertThat(scans.runNow("test", Map.of())).isPresent();
        prometheus = PrometheusServer.start(app.getPort(), "/q/metrics", RULES.toAbsolutePath());
    }

    @Test
    void theAppExportsFleetGaugesWithoutAHostLabelExceptThePerHostSeries() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(text).contains("kexwatch_probe_duration_seconds_bucket{le=\"0.005\"}",
                "kexwatch_scan_duration_seconds_bucket{le=\"3600.0\"}", "# TYPE kexwatch_probes counter",
                "# TYPE kexwatch_last_successful_scan_timestamp_seconds gauge");
        List<String> hostLabelled = text.lines().filter(l -> l.startsWith("kexwatch_") && l.contains("host=\"")).toList();
        assertThat(hostLabelled).hasSize(1).allMatch(l -> l.startsWith("kexwatch_host_state{"));
    }

    @Test
    void prometheusScrapesTheExpectedFleet() {
        awaitValue("kexwatch_hosts_weak_appeared", 1);

        assertThat(value("kexwatch_hosts{state=\"compliant\"}")).isEqualTo(1);
        assertThat(value("kexwatch_hosts{state=\"non_compliant\"}")).isEqualTo(2);
        assertThat(value("kexwatch_hosts{state=\"unreachable\"}")).isEqualTo(1);
        assertThat(value("kexwatch_policy_hosts{policy=\"hardened-openssh\",state=\"compliant\"}")).isEqualTo(1);
        assertThat(value("kexwatch_policy_hosts{policy=\"baseline\",state=\"non_compliant\"}")).isEqualTo(2);
        assertThat(value("kexwatch_findings{policy=\"baseline\",rule=\"no-group1-kex\"}")).isEqualTo(2);
        assertThat(value("kexwatch_hosts_offering{category=\"kex\",algorithm=\"diffie-hellman-group1-sha1\"}"))
                .isEqualTo(2);
        assertThat(value("kexwatch_hosts_offering{category=\"kex\",algorithm=\"sntrup761x25519-sha512@openssh.com\"}"))
                .isEqualTo(2);
        assertThat(value("kexwatch_hosts_post_quantum_kex")).isEqualTo(2);
        assertThat(value("kexwatch_hosts_weak")).isEqualTo(2);
        assertThat(value("sum(kexwatch_probes_total{outcome=\"OK\"})")).isEqualTo(6);
        assertThat(value("sum(kexwatch_probes_total{outcome=\"REFUSED\"})")).isEqualTo(2);
        assertThat(value("kexwatch_scan_duration_seconds_count")).isEqualTo(2);
        assertThat(value("count(kexwatch_host_state)")).isEqualTo(1);
        assertThat(value("kexwatch_host_state_dropped_hosts")).isEqualTo(3);
        assertThat(value("kexwatch_last_successful_scan_timestamp_seconds"))
                .isBetween((double) secondScanStarted.getEpochSecond(), (double) Instant.now().getEpochSecond() + 1);
    }

    @Test
    void theShippedRulesAreLoadedAndTheWeakAlgorithmAlertFires() {
        JsonNode groups = prometheus.api("/api/v1/rules").path("groups");
        Set<String> rules = new TreeSet<>();
        groups.forEach(g -> g.path("rules").forEach(r -> rules.add(r.path("name").asText())));
        assertThat(rules).contains("KexwatchWeakAlgorithmAppeared", "KexwatchScanStale", "kexwatch:policy_compliance:ratio");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(firing())
                .contains("KexwatchWeakAlgorithmAppeared").doesNotContain("KexwatchScanStale"));
    }

    @Test
    void everyMetricTheRulesAndTheDashboardUseIsExported() throws IOException {
        awaitValue("kexwatch_hosts_weak_appeared", 1);
        Set<String> exported = new TreeSet<>();
        prometheus.api("/api/v1/label/__name__/values").forEach(n -> exported.add(n.asText()));

        Set<String> used = metricNames(Files.readString(RULES) + Files.readString(DASHBOARD));
        assertThat(used).isNotEmpty();
        assertThat(exported).containsAll(used);
    }

    @Test
    void everyDashboardQueryIsValidPromQl() throws IOException {
        JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper().readTree(DASHBOARD.toFile());
        List<String> queries = dashboard.findValues("expr").stream().map(JsonNode::asText).toList();

        assertThat(queries).hasSizeGreaterThan(10);
        queries.forEach(q -> assertThat(prometheus.query(q)).as(q).isNotNull());
    }

    private static Set<String> metricNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\bkexwatch_[a-z_]+").matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private List<String> firing() {
        return prometheus.api("/api/v1/alerts").path("alerts").findValues("labels").stream()
                .map(l -> l.path("alertname").asText()).toList();
    }

    private static void awaitValue(String promql, double expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(value(promql)).isEqualTo(expected));
    }

    /** The single value of an instant query; NaN when it returns nothing. */
    private static double value(String promql) {
        JsonNode result = prometheus.query(promql);
        assertThat(result.size()).as(promql + ": " + result).isLessThanOrEqualTo(1);
        return result.isEmpty() ? Double.NaN : result.get(0).path("value").get(1).asDouble();
    }

    private static void addHost(int port, Map<String, String> labels) {
        Api.addHost(Ports.LOOPBACK, port, labels);
    }
}
