package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.testsupport.TinySshServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as its own process, started in a directory that is not the checkout: shipped policies still load. */
class WorkingDirectoryTest {

    private static TinySshServer tinysshd;

    @BeforeAll
    static void start() {
        tinysshd = TinySshServer.start();
    }

    @AfterAll
    static void stop() {
        tinysshd.close();
    }

    private record Result(int code, String out) {
    }

    private static Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.kexwatch.Main", "scan", "--timeout", "5", "--json"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), out);
    }

    @Test
    void shippedPoliciesLoadFromAnyDirectory(@TempDir Path elsewhere) throws Exception {
        Result baseline = run(elsewhere, tinysshd.target().toString());
        assertThat(baseline.out()).contains("\"id\":\"baseline\"").doesNotContain("cannot read policy file");
        assertThat(baseline.code()).as(baseline.out()).isEqualTo(2);

        Result rfc = run(elsewhere, "--policy", "rfc9142", tinysshd.target().toString());
        assertThat(rfc.code()).as(rfc.out()).isZero();
        assertThat(rfc.out()).contains("\"id\":\"rfc9142\"");
    }

    @Test
    void aPolicyFileArgumentStillWorks(@TempDir Path elsewhere) throws Exception {
        Files.writeString(elsewhere.resolve("mine.yaml"), """
                id: mine
                version: "1"
                title: Nothing but the none cipher
                rules:
                  - {id: no-none, category: cipher, forbid: [none], severity: high, rationale: r, source: s}
                """);
        Result result = run(elsewhere, "--policy", "mine.yaml", tinysshd.target().toString());
        assertThat(result.code()).as(result.out()).isZero();
        assertThat(result.out()).contains("\"id\":\"mine\"");

        Result unknown = run(elsewhere, "--policy", "nosuch", tinysshd.target().toString());
        assertThat(unknown.code()).isEqualTo(Cli.USAGE);
        assertThat(unknown.out()).contains("no policy file or shipped policy 'nosuch'");
    }
}
