package dev.kexwatch.testsupport;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Debian's Prometheus server on a free loopback port, with temp storage, scraping one target every second and
 * evaluating the given rules every second.
 */
public final class PrometheusServer implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/prometheus");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Process process;
    private final URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.base = URI.create("http://" + Ports.LOOPBACK + ":" + port);
    }

    public static PrometheusServer start(int targetPort, String metricsPath, Path rules) {
        Path dir = TempDirs.create("kexwatch-prometheus");
        try {
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, """
                    global: {scrape_interval: 1s, evaluation_interval: 1s}
                    rule_files: ["%s"]
                    scrape_configs:
                      - job_name: kexwatch
                        metrics_path: %s
                        static_configs: [{targets: ["%s:%d"]}]
                    """.formatted(rules, metricsPath, Ports.LOOPBACK, targetPort));
            int port = Ports.freePort();
            Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=" + Ports.LOOPBACK + ":" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            PrometheusServer server = new PrometheusServer(dir, process, port);
            server.awaitReady(Duration.ofSeconds(30));
            return server;
        } catch (IOException e) {
            TempDirs.delete(dir);
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code data} member of an API answer; fails unless the status is success. */
    public JsonNode api(String pathAndQuery) {
        JsonNode answer;
        try {
            answer = JSON.readTree(get(pathAndQuery).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"success".equals(answer.path("status").asText())) {
            throw new AssertionError(pathAndQuery + ": " + answer);
        }
        return answer.path("data");
    }

    /** An instant query's result vector. */
    public JsonNode query(String promql) {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("result");
    }

    public String log() throws IOException {
        return Files.readString(dir.resolve("prometheus.log"));
    }

    private HttpResponse<String> get(String pathAndQuery) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Prometheus exited with " + process.exitValue());
                }
                return ready();
            });
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("Prometheus did not become ready in " + timeout, e);
        }
    }

    private boolean ready() {
        try {
            return get("/-/ready").statusCode() == 200;
        } catch (UncheckedIOException notListening) {
            return false;
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
        TempDirs.delete(dir);
    }
}
