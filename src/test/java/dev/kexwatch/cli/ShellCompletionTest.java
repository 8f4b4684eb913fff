package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion script picocli generates ({@code kexwatch generate-completion}), loaded as the README says into
 * a real interactive bash and zsh on a pseudo-terminal (zsh's {@code zpty}, the zsh package from {@code .ci/run}):
 * TAB must complete a subcommand, an option and an option's value, in each shell.
 */
class ShellCompletionTest {

    /** What is typed before TAB, and the line completion must make of it. */
    private static final List<List<String>> TYPED = List.of(
            List.of("kexwatch neg", "kexwatch negotiate"),
            List.of("kexwatch scan --fail", "kexwatch scan --fail-on"),
            List.of("kexwatch negotiate --format sa", "kexwatch negotiate --format sarif"),
            List.of("kexwatch negotiate --fail-on fa", "kexwatch negotiate --fail-on failure"),
            List.of("kexwatch scan --fail-on cr", "kexwatch scan --fail-on critical"));
    private static final Pattern LINE = Pattern.compile("^LINE:(.*?)\\s*$", Pattern.MULTILINE);

    @TempDir
    static Path dir;
    private static Path script;

    @BeforeAll
    static void generate() throws Exception {
        CliRun run = CliRun.of(List.of("generate-completion"));
        assertThat(run.code()).as(run.err()).isZero();
        script = dir.resolve("kexwatch_completion");
        Files.writeString(script, run.out());
    }

    @Test
    void bashCompletesSubcommandsOptionsAndValues() throws Exception {
        assertThat(typeInto("bash --norc --noprofile -i")).isEqualTo(expected());
    }

    @Test
    void zshCompletesSubcommandsOptionsAndValues() throws Exception {
        assertThat(typeInto("zsh -f -i")).isEqualTo(expected());
    }

    @Test
    void anUnknownWordCompletesToNothing() throws Exception {
        // The driver must be able to see a line left alone, or the tests above prove nothing.
        assertThat(typeInto("bash --norc --noprofile -i", "kexwatch scan --no-such")).containsExactly(
                "kexwatch scan --no-such");
    }

    private static List<String> expected() {
        return TYPED.stream().map(t -> t.get(1)).toList();
    }

    private static List<String> typeInto(String shell) throws Exception {
        return typeInto(shell, TYPED.stream().map(t -> t.get(0)).toArray(String[]::new));
    }

    /** The lines as completion left them, typed into SHELL with the script sourced. */
    private static List<String> typeInto(String shell, String... lines) throws Exception {
        // timeout(1): a shell that never answers fails the test instead of hanging it (the driver waits for a marker).
        List<String> command = new ArrayList<>(List.of("timeout", "60", "zsh", "-f", driver(), shell,
                script.toString()));
        command.addAll(List.of(lines));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(new File("/dev/null"));
        builder.environment().put("TERM", "xterm");
        Process process = builder.start();
        String seen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(seen).isZero();
        List<String> completed = new ArrayList<>();
        Matcher matcher = LINE.matcher(seen.replace("\r", ""));
        while (matcher.find()) {
            completed.add(matcher.group(1));
        }
        return completed;
    }

    private static String driver() throws URISyntaxException {
        return Path.of(ShellCompletionTest.class.getResource("/completion/type.zsh").toURI()).toString();
    }
}
