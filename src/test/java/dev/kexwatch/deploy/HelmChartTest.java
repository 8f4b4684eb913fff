package dev.kexwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code helm lint} and {@code helm template} of helm/kexwatch through helm-java, asserting on the objects. */
class HelmChartTest {

    private static final Path DASHBOARD = Tool.ROOT.resolve("helm/kexwatch/files/grafana/kexwatch-dashboard.json");

    @Test
    void lintPassesInStrictMode() {
        LintResult lint = new Helm(Chart.DIR).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
    }

    @Test
    void defaultsRenderTheServiceAndNothingThatNeedsTheOperator() {
        Chart chart = Chart.render(Map.of());

        assertThat(chart.kinds()).containsExactly("Deployment", "Secret", "Service");
        assertThat(Yaml.<Object>at(chart.get("Deployment"), "spec.replicas")).isEqualTo(1);
        assertThat(Yaml.<String>at(chart.container(), "image")).isEqualTo("kexwatch:0.1.0");
    }

    @Test
    void healthProbesAndResourcesAreSet() {
        Map<String, Object> container = Chart.render(Map.of()).container();

        assertThat(Yaml.<String>at(container, "livenessProbe.httpGet.path")).isEqualTo("/q/health/live");
        assertThat(Yaml.<String>at(container, "readinessProbe.httpGet.path")).isEqualTo("/q/health/ready");
        assertThat(Yaml.<String>at(container, "startupProbe.httpGet.path")).isEqualTo("/q/health/started");
        assertThat(Yaml.<String>at(container, "resources.requests.memory")).isEqualTo("256Mi");
        assertThat(Yaml.<String>at(container, "resources.limits.memory")).isEqualTo("512Mi");
        assertThat(Yaml.<Object>at(container, "ports.0.containerPort")).isEqualTo(8080);
    }

    @Test
    void theDatabasePasswordComesFromTheChartsSecret() {
        Chart chart = Chart.render(Map.of("database", Map.of("url", "jdbc:postgresql://db:5432/k", "username", "k",
                "password", "s3cret")));

        Map<String, Object> secret = chart.get("Secret");
        assertThat(Yaml.<String>at(secret, "stringData.password")).isEqualTo("s3cret");
        assertThat(chart.env()).containsEntry("QUARKUS_DATASOURCE_PASSWORD",
                "secret:" + Yaml.at(secret, "metadata.name") + "/password")
                .containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://db:5432/k")
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", "k");
    }

    @Test
    void anExistingSecretReplacesTheChartsSecret() {
        Chart chart = Chart.render(Map.of("database", Map.of("url", "jdbc:postgresql://db/k", "username", "k",
                "existingSecret", "vault-db")));

        assertThat(chart.kinds()).doesNotContain("Secret");
        assertThat(chart.env()).containsEntry("QUARKUS_DATASOURCE_PASSWORD", "secret:vault-db/password");
    }

    @Test
    void serviceMonitorScrapesTheServicesMetricsPort() {
        Chart chart = Chart.render(Map.of("metrics", Map.of("serviceMonitor", Map.of("enabled", true,
                "labels", Map.of("release", "prom")))));

        Map<String, Object> monitor = chart.get("ServiceMonitor");
        Map<String, Object> service = chart.get("Service");
        assertThat(Yaml.<String>at(monitor, "spec.endpoints.0.path")).isEqualTo("/q/metrics");
        assertThat(Yaml.<String>at(monitor, "spec.endpoints.0.port")).isEqualTo(Yaml.at(service, "spec.ports.0.name"));
        assertThat(Yaml.<Map<String, String>>at(service, "metadata.labels"))
                .containsAllEntriesOf(Yaml.at(monitor, "spec.selector.matchLabels"));
        assertThat(Yaml.<Map<String, String>>at(monitor, "metadata.labels")).containsEntry("release", "prom");
    }

    @Test
    void prometheusRuleCarriesTheRulesFileUnchanged() {
        Chart chart = Chart.render(Map.of("metrics", Map.of("prometheusRule", Map.of("enabled", true))));

        Map<String, Object> rule = chart.get("PrometheusRule");
        assertThat(Yaml.<Object>at(rule, "spec")).isEqualTo(Yaml.read(PrometheusRulesTest.RULES));
        assertThat(Yaml.dump(rule)).contains("{{ $value }} host(s) now offer");
    }

    @Test
    void grafanaDashboardConfigMapCarriesTheDashboardFile() throws IOException {
        Chart chart = Chart.render(Map.of("metrics", Map.of("grafanaDashboard", Map.of("enabled", true))));

        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(chart.configMapData("-dashboard").get("kexwatch-dashboard.json")))
                .isEqualTo(json.readTree(Files.readString(DASHBOARD)));
        assertThat(Yaml.<Map<String, String>>at(chart.get("ConfigMap"), "metadata.labels"))
                .containsEntry("grafana_dashboard", "1");
    }

    @Test
    void policiesAndInventoryBecomeMountedConfigMaps() throws IOException {
        String baseline = Files.readString(Tool.ROOT.resolve("policies/baseline.yaml"));
        Map<String, Object> host = Map.of("address", "bastion.example.org", "port", 2222, "labels", Map.of("env", "prod"));
        Chart chart = Chart.render(Map.of("policies", Map.of("baseline.yaml", baseline),
                "inventory", Map.of("hosts", List.of(host))));

        Policy policy = new PolicyLoader().parse(chart.configMapData("-policies").get("baseline.yaml"), "rendered");
        assertThat(policy.id()).isEqualTo("baseline");
        Map<String, Object> inventory = Yaml.parse(chart.configMapData("-inventory").get("inventory.yaml"));
        assertThat(Yaml.<List<Object>>at(inventory, "hosts")).containsExactly(host);
        assertThat(chart.env()).containsEntry("KEXWATCH_POLICY_DIR", "/config/policies")
                .containsEntry("KEXWATCH_INVENTORY_FILE", "/config/inventory/inventory.yaml");
        assertThat(Yaml.<List<Map<String, Object>>>at(chart.container(), "volumeMounts"))
                .extracting(m -> m.get("mountPath")).contains("/config/policies", "/config/inventory");
    }

    @Test
    void anOutOfMemoryErrorEndsThePodsProcessWhateverTheJavaOptions() {
        assertThat(Chart.render(Map.of()).env().get("JAVA_OPTS_APPEND")).contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(Chart.render(Map.of("javaOpts", "-Xmx1g")).env().get("JAVA_OPTS_APPEND"))
                .contains("-XX:+ExitOnOutOfMemoryError", "-Xmx1g");
    }

    @Test
    void theDeepHandshakeRunsDailyByDefaultAndItsCadenceIsSet() {
        assertThat(Chart.render(Map.of()).env()).containsEntry("KEXWATCH_DEEP_ENABLED", "true")
                .containsEntry("KEXWATCH_DEEP_EVERY", "24h").containsEntry("KEXWATCH_DEEP_CONCURRENCY", "16")
                .containsEntry("KEXWATCH_DEEP_TIMEOUT", "10s");
        assertThat(Chart.render(Map.of("deep", Map.of("enabled", false, "every", "168h"))).env())
                .containsEntry("KEXWATCH_DEEP_ENABLED", "false").containsEntry("KEXWATCH_DEEP_EVERY", "168h");
        assertThatThrownBy(() -> Chart.render(Map.of("deep", Map.of("every", "daily"))))
                .hasMessageContaining("every");
    }

    @Test
    void perHostSeriesAreOffByDefaultAndCapped() {
        assertThat(Chart.render(Map.of()).env()).containsEntry("KEXWATCH_METRICS_PER_HOST_ENABLED", "false")
                .containsEntry("KEXWATCH_METRICS_PER_HOST_MAX", "500");
        assertThat(Chart.render(Map.of("metrics", Map.of("perHost", Map.of("enabled", true, "max", 50)))).env())
                .containsEntry("KEXWATCH_METRICS_PER_HOST_ENABLED", "true")
                .containsEntry("KEXWATCH_METRICS_PER_HOST_MAX", "50");
    }

    @Test
    void theJwtKeyIsMountedFromASecretAndTheAllowlistPassedOn() throws IOException {
        String key = Files.readString(Tool.ROOT.resolve("src/test/resources/keys/test-public.pem"));
        Chart chart = Chart.render(Map.of("security", Map.of("jwtPublicKey", key, "openReads", true),
                "scan", Map.of("allow", List.of("10.0.0.0/8", "corp.example.org"))));

        Map<String, Object> jwt = chart.secrets().stream().filter(s -> Yaml.<String>at(s, "metadata.name").endsWith("-jwt"))
                .findFirst().orElseThrow();
        assertThat(Yaml.<Map<String, String>>at(jwt, "stringData").get("jwt-public.pem")).isEqualToIgnoringWhitespace(key);
        assertThat(chart.env()).containsEntry("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "/config/jwt/jwt-public.pem")
                .containsEntry("KEXWATCH_SECURITY_OPEN_READS", "true")
                .containsEntry("KEXWATCH_SCAN_ALLOW", "10.0.0.0/8,corp.example.org");
        assertThat(Yaml.<List<Map<String, Object>>>at(chart.get("Deployment"), "spec.template.spec.volumes"))
                .anyMatch(v -> Yaml.at(jwt, "metadata.name").equals(v.get("secret") instanceof Map<?, ?> m
                        ? m.get("secretName") : null));
        assertThat(Chart.render(Map.of()).env()).doesNotContainKeys("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "KEXWATCH_SCAN_ALLOW");
    }

    @Test
    void theClientCaptureListenerIsOffByDefaultAndOnGetsAServicePort() {
        Chart off = Chart.render(Map.of());
        assertThat(off.env()).doesNotContainKeys("KEXWATCH_LISTEN_PORT", "KEXWATCH_LISTEN_BIND");
        assertThat(Yaml.<List<?>>at(off.get("Service"), "spec.ports")).hasSize(1);

        Chart on = Chart.render(Map.of("listen", Map.of("enabled", true, "port", 2022, "maxConnections", 8,
                "bind", "127.0.0.5", "policy", "client-pinned"),
                "service", Map.of("sshCapturePort", 22)));
        assertThat(on.env()).containsEntry("KEXWATCH_LISTEN_PORT", "2022").containsEntry("KEXWATCH_LISTEN_BIND",
                "127.0.0.5").containsEntry("KEXWATCH_LISTEN_MAX_CONNECTIONS", "8")
                .containsEntry("KEXWATCH_LISTEN_POLICY", "client-pinned");
        assertThat(Chart.render(Map.of("listen", Map.of("enabled", true))).env())
                .containsEntry("KEXWATCH_LISTEN_POLICY", "client-baseline");
        assertThat(Yaml.<Object>at(on.container(), "ports.1.name")).isEqualTo("ssh-capture");
        assertThat(Yaml.<Object>at(on.container(), "ports.1.containerPort")).isEqualTo(2022);
        assertThat(Yaml.<Object>at(on.get("Service"), "spec.ports.1.port")).isEqualTo(22);
        assertThat(Yaml.<Object>at(on.get("Service"), "spec.ports.1.targetPort")).isEqualTo("ssh-capture");
        assertThatThrownBy(() -> Chart.render(Map.of("listen", Map.of("maxConnections", 0))))
                .hasMessageContaining("maxConnections");
    }

    @Test
    void theSchemaRejectsBadValues() {
        assertThatThrownBy(() -> Chart.render(Map.of("image", Map.of("repository", "k", "pullPolicy", "Sometimes"))))
                .hasMessageContaining("pullPolicy");
        assertThatThrownBy(() -> Chart.render(Map.of("metrics", Map.of("perHost", Map.of("max", 0)))))
                .hasMessageContaining("max");
        assertThatThrownBy(() -> Chart.render(Map.of("replicas", 2))).hasMessageContaining("replicas");
        assertThatThrownBy(() -> Chart.render(Map.of("security", Map.of("jwtPublicKey", "not a key"))))
                .hasMessageContaining("jwtPublicKey");
    }
}
