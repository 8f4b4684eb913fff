package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.testsupport.BlackHole;
import dev.kexwatch.testsupport.MinaSshServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in a real pseudo-terminal: {@code script} (util-linux) runs a child JVM on a pty, as a
 * person at a terminal would, and records what the terminal received. Progress must redraw there and be absent
 * when standard error is a file or a pipe; colour must follow the terminal and {@code NO_COLOR}.
 */
class TerminalTest {

    /** A colour (SGR) sequence; progress's erase-line {@code ESC [ K} is not one. */
    private static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");
    private static final String REDRAW = "\r\u001b[K";

    private static MinaSshServer weak;
    private static List<BlackHole> holes;

    @BeforeAll
    static void start() {
        weak = MinaSshServer.start(MinaSshServer.Algorithms.weak());
        holes = Stream.generate(BlackHole::open).limit(3).toList();
    }

    @AfterAll
    static void stop() {
        weak.close();
        holes.forEach(BlackHole::close);
    }

    /** Exit code and what the terminal showed (stdout and stderr, as the pty carried them). */
    record Shown(int code, String terminal) {
    }

    /** The child JVM: the test's class path, and the quickest start (a short run gains nothing from C2). */
    private static List<String> java() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-cp",
                System.getProperty("java.class.path"), "dev.kexwatch.Main");
    }

    /** Runs {@code kexwatch ARGS REDIRECTS} in a shell on a pseudo-terminal. */
    private static Shown onTerminal(Map<String, String> env, String args, String redirects) throws Exception {
        String command = java().stream().map(word -> "'" + word + "'").collect(Collectors.joining(" ")) + " " + args
                + " " + redirects;
        ProcessBuilder builder = new ProcessBuilder("script", "-qefc", command, "/dev/null")
                .redirectInput(new File("/dev/null")).redirectErrorStream(true);
        builder.environment().remove("NO_COLOR");
        builder.environment().put("TERM", "xterm");
        builder.environment().putAll(env);
        Process process = builder.start();
        String shown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Shown(process.exitValue(), shown);
    }

    private static String targets() {
        List<String> all = new ArrayList<>(holes.stream().map(h -> h.target().toString()).toList());
        all.add(weak.target().toString());
        return String.join(" ", all);
    }

    @Test
    void progressRedrawsOnTheTerminalWhileResultsGoToTheFile(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.json");
        // One at a time, the silent hosts each take the whole deadline: several redraws, each after a result.
        Shown shown = onTerminal(Map.of(), "scan --json --concurrency 1 --timeout 0.4 " + targets(), "> " + out);

        assertThat(shown.code()).as(shown.terminal()).isEqualTo(3);
        List<String> draws = Stream.of(shown.terminal().split(Pattern.quote(REDRAW))).skip(1).toList();
        assertThat(draws).as(shown.terminal()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(draws.get(0)).matches("(?s)1/4 probed  [0-9.]+/s  timeout_connect 1  ETA \\d+:\\d\\d:\\d\\d.*");
        assertThat(draws).anySatisfy(d -> assertThat(d).startsWith("4/4 probed"));
        assertThat(shown.terminal()).contains("kexwatch: 4 target(s) probed in ")
                .contains(": ok 1, timeout_connect 3");
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(4).allSatisfy(l -> assertThat(l).startsWith("{").doesNotContain("\u001b", "probed"));
    }

    @Test
    void noProgressWhenStandardErrorIsNotATerminal(@TempDir Path dir) throws Exception {
        Path err = dir.resolve("err.txt");
        Shown toFile = onTerminal(Map.of(), "scan --concurrency 1 --timeout 0.4 " + targets(), "2> " + err);
        assertThat(toFile.terminal()).contains(weak.target() + "  ").doesNotContain(REDRAW, "probed in");
        assertThat(Files.readString(err)).isEmpty();

        Shown piped = onTerminal(Map.of(), "scan --concurrency 1 --timeout 0.4 " + targets(), "2>&1 | cat");
        assertThat(piped.terminal()).contains(weak.target() + "  ").doesNotContain(REDRAW, "probed in");

        List<String> direct = new ArrayList<>(java());
        direct.addAll(List.of("scan", "--timeout", "0.4", weak.target().toString()));
        Process plain = new ProcessBuilder(direct).redirectInput(new File("/dev/null")).start();
        String stderr = new String(plain.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        plain.getInputStream().readAllBytes();
        assertThat(plain.waitFor()).isEqualTo(3);
        assertThat(stderr).isEmpty();

        Shown forced = onTerminal(Map.of(), "scan --progress --timeout 0.4 " + weak.target(), "2> " + err);
        assertThat(Files.readString(err)).as("--progress on a file: plain lines, no redraw")
                .contains("kexwatch: 1 target(s) probed in").doesNotContain("\u001b");
        assertThat(forced.code()).isEqualTo(3);
    }

    @Test
    void colourOnTheTerminalUnlessNoColorIsSet(@TempDir Path dir) throws Exception {
        Shown coloured = onTerminal(Map.of(), "scan --timeout 3 " + weak.target(), "");
        assertThat(coloured.code()).isEqualTo(3);
        assertThat(coloured.terminal()).contains("\u001b[31mHIGH\u001b[0m", "\u001b[32mOK\u001b[0m");

        Shown plain = onTerminal(Map.of("NO_COLOR", "1"), "scan --timeout 3 " + weak.target(), "");
        assertThat(plain.code()).isEqualTo(3);
        assertThat(plain.terminal()).contains("HIGH", "no-md5-mac");
        assertThat(SGR.matcher(plain.terminal()).find()).as(plain.terminal()).isFalse();

        // negotiate shares the terminal manners: progress and colour on the terminal, neither under NO_COLOR.
        Shown negotiate = onTerminal(Map.of(), "negotiate --timeout 3 -c openssh-9.2 " + weak.target(), "");
        assertThat(negotiate.terminal()).contains("\u001b[32mnegotiates\u001b[0m", REDRAW + "1/1 probed");
        Shown negotiatePlain = onTerminal(Map.of("NO_COLOR", "1"), "negotiate --timeout 3 -c openssh-9.2 "
                + weak.target(), "2>/dev/null");
        assertThat(negotiatePlain.terminal()).contains("negotiates").doesNotContain(REDRAW);
        assertThat(SGR.matcher(negotiatePlain.terminal()).find()).as(negotiatePlain.terminal()).isFalse();

        Path file = dir.resolve("table.txt");
        onTerminal(Map.of(), "scan --timeout 3 -o " + file + " " + weak.target(), "");
        assertThat(Files.readString(file)).as("a file gets no colour").contains("HIGH").doesNotContain("\u001b");
    }
}
