package dev.kexwatch.replicas;

import static org.awaitility.Awaitility.await;

import dev.kexwatch.testsupport.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One kexwatch instance from the packaged application ({@code target/quarkus-app/quarkus-run.jar}) in a child
 * JVM on a loopback port, on the test database, with its log in a file. The API is open (no tokens needed).
 */
final class Replica implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String id;
    private final int port;
    private final Path log;
    private final Process process;

    private Replica(String id, int port, Path log, Process process) {
        this.id = id;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a replica; {@code extra} are more {@code -Dkey=value} settings. Does not wait for it. */
    static Replica start(String id, Database db, Path dir, List<String> extra) {
        int port = Ports.freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-Duser.timezone=UTC", "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1", "-Dkexwatch.instance.id=" + id,
                "-Dquarkus.datasource.jdbc.url=" + db.url(), "-Dquarkus.datasource.username=" + db.user(),
                "-Dquarkus.flyway.schemas=" + db.schema(), "-Dkexwatch.security.open-reads=true",
                "-Dquarkus.http.auth.permission.api-write.policy=permit", "-Dkexwatch.scan.allow=127.0.0.0/8",
                "-Dkexwatch.scan.claim-batch=4", "-Dkexwatch.scan.lease=3s", "-Dkexwatch.scan.poll-every=1s",
                // Four probes at a time per replica: one replica alone cannot take the whole run at once.
                "-Dkexwatch.probe.concurrency=4",
                "-Dkexwatch.probe.timeout=5s", "-Dkexwatch.scan.retries=0"));
        command.addAll(extra);
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Path log = dir.resolve(id + ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new Replica(id, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String id() {
        return id;
    }

    /** Waits until the replica answers its readiness check. */
    void awaitReady(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("replica " + id + " died:\n" + log());
                }
                return ready();
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("replica " + id + " not ready in " + timeout + ":\n" + log(), e);
        }
    }

    private boolean ready() {
        try {
            return get("/q/health/ready").statusCode() == 200;
        } catch (UncheckedIOException notListening) {
            return false;
        }
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: the replica dies without a word, its claims and presence left behind. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void waitFor() {
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        waitFor();
        if (process.isAlive()) {
            kill();
        }
    }
}
