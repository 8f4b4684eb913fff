package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kexwatch.probe.ServerText;
import dev.kexwatch.testsupport.Ports;
import dev.kexwatch.testsupport.SshPackets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Careless input and hostile servers at the command line (issue 13, items 8 and 11) and the version. */
class CliEdgesTest {

    /** An ESC sequence that would retitle the window and turn the text red, a C1 CSI that clears it, DEL. */
    private static final String HOSTILE = "\u001b]0;pwned\u0007\u001b[31mred\u009b2J\u007f";

    private static CliRun scan(String... args) {
        return CliRun.of(List.of("scan", "--timeout", "3"), args);
    }

    @Test
    void aStepDeadlineOfNothingIsAUsageError() {
        CliRun run = CliRun.of(List.of("scan"), "--identification-timeout", "0", Ports.LOOPBACK + ":" + Ports.freePort());
        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).isEqualTo("kexwatch scan: --identification-timeout must be more than 0 seconds, not 0.0"
                + System.lineSeparator());
    }

    @Test
    void aSilentHostEndsAtTheIdentificationDeadlineGiven() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 16, InetAddress.getByName(Ports.LOOPBACK))) {
            CliRun run = CliRun.of(List.of("scan"), "--timeout", "30", "--identification-timeout", "0.3", "--json",
                    Ports.LOOPBACK + ":" + silent.getLocalPort());

            assertThat(run.code()).isEqualTo(1);
            assertThat(run.out()).contains("\"outcome\":\"TIMEOUT_IDENTIFICATION\"")
                    .contains("300 ms after connecting (identification deadline)");
        }
    }

    @Test
    void aHugeTimeoutIsAUsageErrorNotAStackTrace() {
        CliRun run = CliRun.of(List.of("scan"), "--timeout", "99999999999", Ports.LOOPBACK + ":" + Ports.freePort());
        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).isEqualTo("kexwatch scan: --timeout must be at most 3600 seconds, not 9.9999999999E10"
                + System.lineSeparator());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void devZeroAsTargetsPolicyOrProfilesIsAUsageErrorAtOnce() {
        CliRun targets = scan("-f", "/dev/zero");
        assertThat(targets.code()).isEqualTo(Cli.USAGE);
        assertThat(targets.err()).contains("/dev/zero:1: line longer than 1024 characters");

        CliRun policy = scan("--policy", "/dev/zero", "127.0.0.1:22");
        assertThat(policy.code()).isEqualTo(Cli.USAGE);
        assertThat(policy.err()).contains("policy /dev/zero is not a regular file");

        CliRun profiles = CliRun.of(List.of("negotiate"), "--client", "/dev/zero", "127.0.0.1:22");
        assertThat(profiles.code()).isEqualTo(Cli.USAGE);
        assertThat(profiles.err()).contains("client profile file /dev/zero is not a regular file");
    }

    @Test
    void aHugePolicyFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.yaml");
        Files.write(huge, new byte[(int) InputFile.MAX_BYTES + 1]);
        CliRun run = scan("--policy", huge.toString(), "127.0.0.1:22");
        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).contains(huge + " is larger than 1024 KiB");
    }

    @Test
    void garbageTargetLinesAreRejectedWithTheirLineNumberAndEscaped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("targets.txt");
        Files.writeString(file, "# lab\n127.0.0.1:22\nrm -rf /;" + HOSTILE + "\u0000\n");
        CliRun run = scan("-f", file.toString());
        assertThat(run.code()).isEqualTo(Cli.USAGE);
        assertThat(run.err()).startsWith("kexwatch scan: " + file + ":3: 'rm -rf /;\\e]0;pwned\\x07\\e[31mred\\x9b2J\\x7f\\x00'")
                .contains("is not a host[:port]").doesNotContain("\u001b", "\u0000", "\u009b", "\u007f");
        assertThat(run.out()).isEmpty();

        CliRun argument = scan("exa mple.org");
        assertThat(argument.err()).contains("argument: 'exa mple.org' is not a host[:port]");
        assertThat(scan("[::1]:22x").err()).contains("argument: '[::1]:22x': port '22x' is not a number");
    }

    @Test
    void anUnwritableOutputOrAnUnsupportedFormatIsAUsageErrorBeforeAnyProbe(@TempDir Path dir) {
        CliRun output = scan("-o", dir.resolve("no/such/dir/out.json").toString(), "127.0.0.1:22");
        assertThat(output.code()).isEqualTo(Cli.USAGE);
        assertThat(output.err()).contains("cannot write --output " + dir.resolve("no/such/dir/out.json"));

        CliRun sarif = CliRun.of(List.of("negotiate"), "--format", "sarif", "-c", "openssh-9.2", "--server-release",
                "openssh-10.0");
        assertThat(sarif.code()).isEqualTo(Cli.USAGE);
        assertThat(sarif.err()).contains("--server-release writes --format table or json, not sarif");
        assertThat(scan("--json", "--format", "csv", "127.0.0.1:22").err())
                .contains("--json and --format csv contradict each other");
    }

    @Test
    void aBugExitsSeventyWithItsTraceAndNeverSixtyFour() {
        @Command(name = "boom")
        class Boom implements Runnable {
            @Override
            public void run() {
                throw new IllegalStateException("a bug");
            }
        }
        StringWriter err = new StringWriter();
        CommandLine line = Cli.commandLine(Terminal.NONE, new PrintWriter(new StringWriter()), new PrintWriter(err));
        line.addSubcommand(new CommandLine(new Boom()));
        Cli.setExitCodes(line);
        assertThat(line.execute("boom")).isEqualTo(Cli.INTERNAL_ERROR);
        assertThat(err.toString()).contains("internal error (a bug", "IllegalStateException: a bug");
        assertThat(line.execute("--no-such-option")).isEqualTo(Cli.USAGE);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void serverTextIsEscapedInEveryTerminalFormat() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 10, InetAddress.getByName(Ports.LOOPBACK))) {
            Thread server = new Thread(() -> serveHostile(listener), "hostile-cli");
            server.setDaemon(true);
            server.start();
            String target = Ports.LOOPBACK + ":" + listener.getLocalPort();
            for (String format : List.of("table", "summary", "csv", "json", "sarif", "junit")) {
                CliRun run = scan("--format", format, target);
                assertThat(run.out()).as(format).doesNotContain("\u001b", "\u0007", "\u009b", "\u007f")
                        .containsAnyOf("\\x1b[31m", "\\e[31m", "\\u001b[31m", "\\u001B[31m");
            }
            CliRun table = scan(target);
            // The probe escapes what the server sent where it becomes text (ServerText); nothing raw reaches the CLI.
            assertThat(table.out()).contains("identification  SSH-2.0-Evil" + ServerText.escape(HOSTILE));
            JsonNode json = scan("--json", target).json().get(0);
            assertThat(json.get("identification").get("line").asText())
                    .isEqualTo("SSH-2.0-Evil" + ServerText.escape(HOSTILE));
            CliRun negotiate = CliRun.of(List.of("negotiate", "--timeout", "3"), "-c", "openssh-9.2", target);
            assertThat(negotiate.out()).contains("\\x1b[31m").doesNotContain("\u001b", "\u009b", "\u007f");
            server.interrupt();
        }
    }

    /** Every connection: an identification and a KEXINIT whose names carry the hostile text, then silence. */
    private static void serveHostile(ServerSocket listener) {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                OutputStream out = socket.getOutputStream();
                out.write(("SSH-2.0-Evil" + HOSTILE + "\r\n").getBytes(StandardCharsets.UTF_8));
                // "-cbc" last, so that baseline's no-cbc-cipher quotes the name in its finding.
                List<String> lists = Collections.nCopies(10, "aes128-ctr,x" + HOSTILE + "-cbc");
                out.write(SshPackets.packet(SshPackets.kexinitPayload(lists, false)));
                out.flush();
                socket.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
                InputStream in = socket.getInputStream();
                while (in.read() >= 0) {
                    // until the probe hangs up
                }
            } catch (IOException e) {
                // the probe hung up, or the test closed the listener
            }
        }
    }

    @Test
    void aMistakeIsOneLineWithASuggestionNotTheWholeHelpPage() {
        CliRun typo = CliRun.of(List.of("scna", "127.0.0.1:22"));
        assertThat(typo.code()).isEqualTo(Cli.USAGE);
        assertThat(typo.err()).contains("Did you mean: kexwatch scan", "Try 'kexwatch --help'").doesNotContain("Usage:");

        CliRun format = scan("--format", "xml", "127.0.0.1:22");
        assertThat(format.code()).isEqualTo(Cli.USAGE);
        assertThat(format.err().lines().toList()).containsExactly("kexwatch scan: Invalid value for option '--format': "
                + "'xml' is not one of table, summary, json, csv, sarif, junit",
                "Try 'kexwatch scan --help' for more information.");
        assertThat(scan("--fail-on", "x\u001b[2J").err()).contains("'x\\e[2J' is not one of low, medium, high, critical");
    }

    @Test
    void versionComesFromTheBuild() {
        CliRun run = CliRun.of(List.of("--version"));
        assertThat(run.code()).isZero();
        assertThat(run.out()).startsWith("kexwatch " + BuildVersion.number() + System.lineSeparator());
        assertThat(BuildVersion.number()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(CliRun.of(List.of("scan", "-V")).out()).startsWith("kexwatch " + BuildVersion.number());
    }
}
