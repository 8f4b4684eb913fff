package dev.kexwatch.testsupport;

import static org.awaitility.Awaitility.await;

import dev.kexwatch.security.TestTokens;
import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}, built in {@code package}, before failsafe
 * runs) as a child process on a free loopback port, trusting the test key pair, its log in
 * {@code target/<name>.log}. Can be killed like a crash would (SIGKILL) and started again on the same port and
 * database.
 */
public final class PackagedApp implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    /** A JVM start, Flyway and Quarkus: seconds on a quiet machine, minutes on a shared one under load. */
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Path PUBLIC_KEY = Path.of("src/test/resources/keys/test-public.pem").toAbsolutePath();

    private final String name;
    private final List<String> command;
    private final Path log;
    private final int port;
    private final String token = TestTokens.operator();
    private Process process;

    private PackagedApp(String name, List<String> command, Path log, int port) {
        this.name = name;
        this.command = command;
        this.log = log;
        this.port = port;
    }

    /** Starts the service with these settings (system properties) and JVM options, and waits until it is ready. */
    public static PackagedApp start(String name, Map<String, String> settings, List<String> jvmOptions) {
        PackagedApp app = spawn(name, settings, jvmOptions);
        try {
            app.awaitReady(STARTUP);
        } catch (RuntimeException e) {
            app.close(); // the caller never gets it to close
            throw e;
        }
        return app;
    }

    /** Starts the service without waiting for it (several at once start faster); see {@link #awaitReady}. */
    public static PackagedApp spawn(String name, Map<String, String> settings, List<String> jvmOptions) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run `./mvnw verify` (it packages before the ITs)");
        }
        int port = Ports.freePort();
        Map<String, String> all = new TreeMap<>(settings);
        all.put("quarkus.http.port", String.valueOf(port));
        all.put("quarkus.http.host", Ports.LOOPBACK);
        all.put("mp.jwt.verify.publickey.location", PUBLIC_KEY.toString());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        all.forEach((key, value) -> {
            if (!value.isEmpty()) {
                command.add("-D" + key + "=" + value);
            }
        });
        command.addAll(List.of("-jar", JAR.toString()));
        PackagedApp app = new PackagedApp(name, command, Path.of("target", name + ".log"), port);
        try {
            Files.deleteIfExists(app.log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app.launch();
        return app;
    }

    /** Starts the process again after {@link #kill()}, its log appended to, and waits for readiness. */
    public void restart() {
        launch();
        awaitReady(STARTUP);
    }

    private void launch() {
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the service answers its readiness check; fails at once, with its log, if it exits. */
    public void awaitReady(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + log());
                }
                return ready();
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(name + " not ready in " + timeout + ":\n" + log(), e);
        }
    }

    private boolean ready() {
        try {
            return RestAssured.given().baseUri("http://" + Ports.LOOPBACK).port(port).get("/q/health/ready")
                    .statusCode() == 200;
        } catch (Exception notListening) { // RestAssured throws ConnectException unchecked
            return false;
        }
    }

    /** Requests to this service with an operator token. */
    public RequestSpecification api() {
        return RestAssured.given(new RequestSpecBuilder().setBaseUri("http://" + Ports.LOOPBACK).setPort(port)
                .addHeader("Authorization", "Bearer " + token).build());
    }

    public String token() {
        return token;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Everything the service logged so far, over all its starts. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL, as the kernel's OOM killer or a pulled plug would: no shutdown hook, no last write. */
    public void kill() {
        process.destroyForcibly();
        waitForExit(process);
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit(process);
        }
    }

    private static void waitForExit(Process process) {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
