package dev.kexwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.security.ScanAllowlist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml checked without a Docker engine: Debian's docker-compose validates it, the bind-mounted files
 * exist, and Prometheus and Grafana get the very files the Helm chart ships.
 */
class ComposeFileTest {

    private static final Path COMPOSE = Tool.ROOT.resolve("docker-compose.yml");
    private static final Map<String, Object> FILE = Yaml.read(COMPOSE);

    @Test
    void anOutOfMemoryErrorEndsTheServiceAndComposeStartsItAgain() throws java.io.IOException {
        assertThat(Yaml.<String>at(FILE, "services.kexwatch.environment.JAVA_OPTS_APPEND"))
                .contains("-XX:+ExitOnOutOfMemoryError");
        assertThat(Yaml.<String>at(FILE, "services.kexwatch.restart")).isEqualTo("unless-stopped");
        assertThat(java.nio.file.Files.readString(Tool.ROOT.resolve("src/main/docker/Dockerfile.jvm")))
                .containsPattern("ENV JAVA_OPTS_APPEND=\"[^\"]*-XX:\\+ExitOnOutOfMemoryError");
    }

    @Test
    void dockerComposeAcceptsTheFile() {
        Tool config = Tool.run(Tool.ROOT, "docker-compose", "-f", COMPOSE.toString(), "config", "-q");

        assertThat(config.exit()).as(config.output()).isZero();
    }

    /** The commented client-capture lines, once their "#listen " marks are removed, turn the listener on. */
    @Test
    void theClientCaptureLinesEnableTheListenerOnLoopback() throws IOException {
        String enabled = Files.readString(COMPOSE).replace("#listen ", "");
        Map<String, Object> file = Yaml.parse(enabled);

        assertThat(Yaml.<Map<String, Object>>at(file, "services.kexwatch.environment"))
                .containsEntry("KEXWATCH_LISTEN_PORT", "2222").containsKey("KEXWATCH_LISTEN_BIND");
        assertThat(Yaml.<List<String>>at(file, "services.kexwatch.ports")).containsExactly("8080:8080",
                "127.0.0.1:2222:2222");
        assertThat(FILE.toString()).doesNotContain("KEXWATCH_LISTEN_PORT");
    }

    @Test
    void runsTheAppItsDatabaseMonitoringAndTwoDemoTargets() {
        assertThat(Yaml.<Map<String, Object>>at(FILE, "services")).containsOnlyKeys("postgres", "kexwatch",
                "prometheus", "grafana", "ssh-weak", "ssh-hardened");
    }

    @Test
    void everyBindMountedFileAndBuildContextExists() {
        Map<String, Map<String, Object>> services = Yaml.at(FILE, "services");
        services.forEach((name, service) -> {
            for (Object volume : (List<?>) service.getOrDefault("volumes", List.of())) {
                String source = volume.toString().split(":")[0];
                if (source.startsWith("./")) {
                    assertThat(Tool.ROOT.resolve(source)).as(name + " mounts " + source).exists();
                }
            }
        });
        assertThat(Tool.ROOT.resolve(Yaml.<String>at(FILE, "services.kexwatch.build.dockerfile"))).exists();
        for (String target : List.of("ssh-weak", "ssh-hardened")) {
            Path context = Tool.ROOT.resolve(Yaml.<String>at(FILE, "services." + target + ".build.context"));
            String profile = Yaml.at(FILE, "services." + target + ".build.args.PROFILE");
            assertThat(context.resolve("Dockerfile")).exists();
            assertThat(context.resolve(profile + ".conf")).as(target).exists();
        }
    }

    @Test
    void prometheusLoadsTheChartsRulesAndScrapesTheApp() {
        Map<String, String> mounts = mounts("prometheus");
        Path config = Tool.ROOT.resolve(mounts.get("/etc/prometheus/prometheus.yml"));
        Map<String, Object> prometheus = Yaml.read(config);

        String ruleFile = Yaml.<List<String>>at(prometheus, "rule_files").get(0);
        assertThat(Tool.ROOT.resolve(mounts.get(ruleFile)).normalize()).isEqualTo(PrometheusRulesTest.RULES);
        assertThat(Yaml.<String>at(prometheus, "scrape_configs.0.metrics_path")).isEqualTo("/q/metrics");
        assertThat(Yaml.<List<String>>at(prometheus, "scrape_configs.0.static_configs.0.targets"))
                .containsExactly("kexwatch:8080");
        assertThat(Yaml.<List<String>>at(FILE, "services.kexwatch.ports")).containsExactly("8080:8080");
    }

    @Test
    void prometheusConfigPassesPromtoolWithTheRulesInPlace(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("prometheus.yml");
        String text = Files.readString(Tool.ROOT.resolve(mounts("prometheus").get("/etc/prometheus/prometheus.yml")));
        Files.writeString(config, text.replace("/etc/prometheus/rules/kexwatch-rules.yaml",
                PrometheusRulesTest.RULES.toString()));

        Tool check = Tool.run(dir, "promtool", "check", "config", config.toString());

        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 12 rules found");
    }

    @Test
    void grafanaProvisionsTheChartsDashboardFromItsProviderPath() {
        Map<String, String> mounts = mounts("grafana");
        Path provisioning = Tool.ROOT.resolve(mounts.get("/etc/grafana/provisioning"));
        String providerPath = Yaml.at(Yaml.read(provisioning.resolve("dashboards/kexwatch.yaml")),
                "providers.0.options.path");

        String dashboard = mounts.keySet().stream().filter(p -> p.startsWith(providerPath + "/")).findFirst()
                .orElseThrow();
        assertThat(Tool.ROOT.resolve(mounts.get(dashboard)).normalize())
                .isEqualTo(Tool.ROOT.resolve("helm/kexwatch/files/grafana/kexwatch-dashboard.json"));
        assertThat(Yaml.<String>at(Yaml.read(provisioning.resolve("datasources/prometheus.yaml")),
                "datasources.0.url")).isEqualTo("http://prometheus:9090");
    }

    @Test
    void theAppUsesTheComposeDatabaseAndScansTheDemoTargets() {
        Map<String, String> env = Yaml.at(FILE, "services.kexwatch.environment");
        Map<String, String> db = Yaml.at(FILE, "services.postgres.environment");
        assertThat(env.get("QUARKUS_DATASOURCE_JDBC_URL")).isEqualTo("jdbc:postgresql://postgres:5432/" + db.get("POSTGRES_DB"));
        assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).isEqualTo(db.get("POSTGRES_USER"));
        assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).isEqualTo(db.get("POSTGRES_PASSWORD"));

        Path inventory = Tool.ROOT.resolve(mounts("kexwatch").get(env.get("KEXWATCH_INVENTORY_FILE")));
        List<Map<String, Object>> hosts = Yaml.at(Yaml.read(inventory), "hosts");
        assertThat(hosts).extracting(h -> h.get("address")).containsExactlyInAnyOrder("ssh-weak", "ssh-hardened");
        assertThat(hosts).extracting(h -> h.get("port")).containsOnly(22);
        // The app refuses hosts outside its allowlist at import; names must also resolve into its networks.
        ScanAllowlist allow = ScanAllowlist.parse(List.of(env.get("KEXWATCH_SCAN_ALLOW").split(",")));
        hosts.forEach(h -> assertThat(allow.whyRefused((String) h.get("address"))).isEmpty());
        assertThat(allow.networks()).isNotEmpty();
    }

    /** A service's bind mounts as container path → host path. */
    private static Map<String, String> mounts(String service) {
        List<String> volumes = Yaml.at(FILE, "services." + service + ".volumes");
        Map<String, String> mounts = new java.util.HashMap<>();
        for (String volume : volumes) {
            String[] parts = volume.split(":");
            mounts.put(parts[1], parts[0]);
        }
        return mounts;
    }
}
