package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kexwatch.testsupport.MinaSshServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged fast launcher ({@code target/quarkus-app/kexwatch}, written in {@code package}): it puts only the
 * jars the command line uses on the class path, so every subcommand path, also those the class-data training does
 * not take (a deep scan's key exchange, negotiate), must find its classes there; and {@code -Xshare:on} makes the
 * JVM refuse to start unless the build's archive maps with the launcher's class path.
 */
class LauncherIT {

    private static final Path APP = Path.of("target/quarkus-app");
    private static final Path LAUNCHER = APP.resolve("kexwatch");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MinaSshServer server;

    /** Exit code, standard output and error of one launcher run. */
    private record Run(int code, String out, String err) {

        JsonNode firstJsonLine() throws IOException {
            return JSON.readTree(out.lines().findFirst().orElseThrow());
        }
    }

    @BeforeAll
    static void startServer() {
        server = MinaSshServer.start(MinaSshServer.Algorithms.weak());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void scansThroughTheArchiveWithOnlyTheCommandLinesJars() throws Exception {
        Run run = launch(Map.of(), "scan", "--json", "--timeout", "10", server.target().toString());

        assertThat(run.code()).as(run.err()).isEqualTo(3); // the weak server: high or critical findings
        JsonNode host = run.firstJsonLine();
        assertThat(host.get("outcome").asText()).isEqualTo("OK");
        assertThat(host.get("lists").get("kex")).extracting(JsonNode::asText)
                .containsAll(server.algorithms().kex());
        List<String> jars = Files.readAllLines(APP.resolve("kexwatch-cli.classpath"));
        assertThat(jars).contains("app/kexwatch-0.1.0-SNAPSHOT.jar")
                .noneMatch(jar -> jar.contains("hibernate") || jar.contains("io.vertx") || jar.contains("postgresql"));
    }

    @Test
    void aDeepScanFindsKeyExchangeAndBouncyCastleOnTheNarrowClassPath() throws Exception {
        Run run = launch(Map.of(), "scan", "--json", "--deep", "--timeout", "10", server.target().toString());

        assertThat(run.code()).as(run.err()).isEqualTo(3);
        JsonNode keys = run.firstJsonLine().get("hostKeys");
        assertThat(keys).isNotEmpty();
        assertThat(keys.get(0).get("signatureVerified").asBoolean()).as(run.out()).isTrue();
    }

    @Test
    void negotiatesAndPrintsTheVersionWithEveryJarAppendedToo() throws Exception {
        Run negotiate = launch(Map.of("KEXWATCH_CLASSPATH", "all"), "negotiate", "--timeout", "10", "--client",
                "openssh-9.2", server.target().toString());
        assertThat(negotiate.err()).doesNotContain("Exception", "NoClassDefFoundError");
        assertThat(negotiate.out()).contains(server.target() + "  " + server.identification(), "(openssh-9.2)");

        Run version = launch(Map.of(), "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("kexwatch ");
    }

    private static Run launch(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        builder.environment().put("KEXWATCH_JAVA_OPTS", "-Xshare:on"); // no start without the archive
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) { // a JVM start on a loaded machine, not a timing
                process.destroyForcibly();
                throw new AssertionError("the launcher did not exit: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
