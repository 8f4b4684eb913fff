package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.Ports;
import dev.kexwatch.testsupport.TinySshServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kexwatch scan} end to end against real servers, with the shipped baseline policy. */
class ScanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MinaSshServer weak;
    private static TinySshServer tinysshd;
    private static OpenSshServer sshd;
    private static String refused;

    @BeforeAll
    static void start() {
        weak = MinaSshServer.start(MinaSshServer.Algorithms.weak());
        tinysshd = TinySshServer.start();
        sshd = OpenSshServer.start();
        refused = Ports.LOOPBACK + ":" + Ports.freePort();
    }

    @AfterAll
    static void stop() {
        weak.close();
        tinysshd.close();
        sshd.close();
    }

    /** Exit code and what was printed to standard output and error. */
    record Run(int code, String out, String err) {
        List<JsonNode> json() throws IOException {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : out.split("\n")) {
                nodes.add(JSON.readTree(line));
            }
            return nodes;
        }
    }

    private static Run scan(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("scan", "--timeout", "3"));
        all.addAll(List.of(args));
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void compliantServerExitsZero() {
        // tinysshd 20230101 passes RFC 9142 (baseline flags its Terrapin exposure, see below)
        assertThat(scan("--policy", "rfc9142", tinysshd.target().toString()).code()).isZero();
    }

    @Test
    void baselineReportsTerrapinOnTinysshdWithoutStrictKex() throws IOException {
        Run run = scan("--json", tinysshd.target().toString());
        JsonNode policy = run.json().get(0).get("policy");
        assertThat(run.code()).isEqualTo(2);
        assertThat(policy.get("findings").findValuesAsText("rule")).containsExactly("terrapin");
        JsonNode remediation = policy.get("remediation");
        assertThat(remediation.get("server").asText()).isEqualTo("tinyssh");
        assertThat(remediation.get("sshdConfig").isNull()).isTrue();
        assertThat(remediation.get("advice").asText()).contains("Upgrade tinysshd to 20240101");
    }

    @Test
    void jsonCarriesTheHostsRemediationAsADropIn() throws IOException {
        JsonNode remediation = scan("--json", sshd.target().toString()).json().get(0).get("policy").get("remediation");
        assertThat(remediation.get("server").asText()).isEqualTo("openssh");
        assertThat(remediation.get("sshdConfig").asText()).contains("\nMACs ")
                .doesNotContain("hmac-sha1");
        assertThat(remediation.get("advice").asText()).contains("/etc/ssh/sshd_config.d/00-kexwatch.conf");

        // The table shows the same fix, the drop-in's lines verbatim (unwrapped) so they can be copied whole.
        String dropIn = remediation.get("sshdConfig").asText();
        String table = scan(sshd.target().toString()).out();
        assertThat(table).contains("  fix             Write sshdConfig to /etc/ssh/sshd_config.d/00-kexwatch.conf",
                "  drop-in         /etc/ssh/sshd_config.d/00-kexwatch.conf:");
        dropIn.lines().forEach(line -> assertThat(table).contains("\n" + " ".repeat(20) + line + "\n"));
    }

    @Test
    void mediumFindingsOnlyExitTwo() {
        // OpenSSH 9.2's default MACs end with hmac-sha1 (baseline: medium); nothing else is flagged.
        Run run = scan("--json", sshd.target().toString());
        assertThat(run.code()).as(run.out()).isEqualTo(2);
    }

    @Test
    void highFindingsExitThreeAndJsonCarriesEveryList() throws IOException {
        Run run = scan("--json", weak.target().toString());

        assertThat(run.code()).isEqualTo(3);
        JsonNode node = run.json().get(0);
        assertThat(node.get("outcome").asText()).isEqualTo("OK");
        assertThat(node.get("identification").get("line").asText()).isEqualTo(weak.identification());
        assertThat(node.get("lists").size()).isEqualTo(10);
        assertThat(JSON.convertValue(node.get("lists").get("cipher_s2c"), List.class))
                .isEqualTo(weak.algorithms().ciphers());
        assertThat(node.get("policy").get("worst").asText()).isEqualTo("high");
        assertThat(node.get("policy").get("findings").findValuesAsText("rule")).contains("no-group1-kex",
                "no-md5-mac", "no-dss-hostkey", "no-cbc-cipher");
    }

    @Test
    void connectionErrorExitsOneAndTheWorstTargetWins() throws IOException {
        assertThat(scan(refused).code()).isEqualTo(1);
        assertThat(scan("--policy", "rfc9142", refused, tinysshd.target().toString()).code()).isEqualTo(1);
        Run mixed = scan("--json", refused, weak.target().toString());
        assertThat(mixed.code()).isEqualTo(3);
        assertThat(mixed.json()).extracting(n -> n.get("outcome").asText()).containsExactly("REFUSED", "OK");
    }

    @Test
    void tableShowsIdentificationListsAndFindings() {
        Run run = scan("--policy", "baseline", weak.target().toString(), refused);

        assertThat(run.out()).contains(weak.target() + "  OK", "identification  " + weak.identification(),
                "diffie-hellman-group1-sha1", "aes128-cbc", "hmac-md5", "HIGH", "no-md5-mac",
                refused + "  REFUSED", "2 target(s): 1 probed, 1 failed");
    }

    @Test
    void targetsComeFromAFileToo(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("targets.txt");
        Files.writeString(file, "# lab\n" + tinysshd.target() + "\n\n" + refused + "  # down\n");
        Run run = scan("--json", "-f", file.toString());
        assertThat(run.json()).extracting(n -> n.get("target").asText())
                .containsExactly(tinysshd.target().toString(), refused);
    }

    @Test
    void policyFileIsAcceptedAndAMissingPolicyIsAUsageError(@TempDir Path dir) throws IOException {
        Path lenient = dir.resolve("lenient.yaml");
        Files.writeString(lenient, """
                id: lenient
                version: "1"
                title: Only the none cipher is forbidden
                rules:
                  - id: no-none
                    category: cipher
                    forbid: [none]
                    severity: critical
                    rationale: clear text
                    source: RFC 4253 §6.3
                """);
        assertThat(scan("--policy", lenient.toString(), weak.target().toString()).code()).isZero();
        Run missing = scan("--policy", "no-such-policy", weak.target().toString());
        assertThat(missing.code()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).contains("no-such-policy");
    }

    /** The policy is read beside the targets, on a thread of its own: a broken one must still stop the scan first. */
    @Test
    void aBrokenPolicyIsAUsageErrorBeforeAnyTargetIsDialled(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, "id: broken\nrules: [\n");
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getByName(Ports.LOOPBACK))) {
            Run run = scan("--json", "--policy", broken.toString(), Ports.LOOPBACK + ":" + listening.getLocalPort());

            assertThat(run.code()).isEqualTo(Cli.USAGE);
            assertThat(run.err()).contains("broken.yaml");
            assertThat(run.out()).isEmpty();
            listening.setSoTimeout(500);
            assertThatThrownBy(listening::accept).as("nobody connected").isInstanceOf(SocketTimeoutException.class);
        }
    }

    /** Results are judged and rendered as they arrive, in any order; the lines still come out in input order. */
    @Test
    void jsonLinesFollowTheInputOrderWhateverOrderTheProbesEndIn() throws IOException {
        String alsoRefused = Ports.refusingTargets(2).stream().filter(t -> !t.equals(refused)).findFirst().orElseThrow();
        List<String> targets = List.of(refused, weak.target().toString(), tinysshd.target().toString(), alsoRefused,
                sshd.target().toString());
        List<String> args = new ArrayList<>(List.of("--json"));
        args.addAll(targets);

        Run run = scan(args.toArray(String[]::new));

        assertThat(run.json()).extracting(line -> line.get("target").asText()).containsExactlyElementsOf(targets);
        assertThat(run.json()).extracting(line -> line.get("outcome").asText())
                .containsExactly("REFUSED", "OK", "OK", "REFUSED", "OK");
        assertThat(run.json()).extracting(line -> line.get("exitCode").asInt()).containsExactly(1, 3, 2, 1, 2);
        assertThat(run.code()).isEqualTo(3);
    }

    @Test
    void failOnHighPassesMediumFindingsAndFailsHighOnes() {
        try (MinaSshServer medium = MinaSshServer.start(ReportFormatsTest.mediumOnly())) {
            assertThat(scan(medium.target().toString()).code()).as("today's codes by default").isEqualTo(2);
            assertThat(scan("--fail-on", "high", medium.target().toString()).code()).isZero();
            assertThat(scan("--fail-on", "medium", medium.target().toString()).code()).isEqualTo(2);
            assertThat(scan("--fail-on", "high", medium.target().toString(), weak.target().toString()).code())
                    .isEqualTo(3);
        }
        assertThat(scan("--fail-on", "high", weak.target().toString()).code()).isEqualTo(3);
        assertThat(scan("--fail-on", "critical", weak.target().toString()).code()).isZero();
        assertThat(scan("--fail-on", "critical", refused).code()).as("a connection error still counts").isEqualTo(1);
        Run bad = scan("--fail-on", "info", refused);
        assertThat(bad.code()).isEqualTo(Cli.USAGE);
        assertThat(bad.err()).contains("'info' is not one of low, medium, high, critical");
    }

    @Test
    void manyTargetsGetTheCompactViewAndDetailForcesTheFullOne() {
        List<String> many = new ArrayList<>(List.of(weak.target().toString(), tinysshd.target().toString()));
        many.addAll(Ports.refusingTargets(ScanCommand.SUMMARY_THRESHOLD));
        Run compact = scan(many.toArray(String[]::new));
        assertThat(compact.out().lines().filter(l -> l.contains("REFUSED")).count())
                .isEqualTo(ScanCommand.SUMMARY_THRESHOLD + 1); // one line per host, and the outcome counts
        assertThat(compact.out()).doesNotContain("identification  ")
                .containsPattern(weak.target() + " +OK +\\d+ finding\\(s\\), worst HIGH")
                // tinysshd 20230101 has no strict KEX: baseline's terrapin rule (medium) is its one finding
                .containsPattern(tinysshd.target() + " +OK +1 finding\\(s\\), worst MEDIUM")
                .contains("22 target(s), policy baseline", "0 compliant, 2 with findings, 20 not probed",
                        "outcomes:         OK 2, REFUSED 20", "worst severity:   high 1, medium 1")
                .containsPattern("findings by rule: .*no-md5-mac 1")
                .containsPattern("weakest names:    .*hmac-md5 \\(high\\) 1");

        Run full = scan(Stream.concat(Stream.of("--detail"), many.stream()).toArray(String[]::new));
        assertThat(full.out()).contains("identification  " + weak.identification(), "22 target(s): 2 probed");

        Run asked = scan("--summary", weak.target().toString());
        assertThat(asked.out()).contains("findings by rule:").doesNotContain("identification  ");
        assertThat(scan("--summary", "--detail", refused).code()).isEqualTo(Cli.USAGE);
    }

    @Test
    void noTargetsOrBadOptionsAreUsageErrors() {
        assertThat(scan().code()).isEqualTo(Cli.USAGE);
        assertThat(scan("--concurrency", "many", refused).code()).isEqualTo(Cli.USAGE);
        Run none = scan("--concurrency", "0", refused);
        assertThat(none.code()).isEqualTo(Cli.USAGE);
        assertThat(none.err())
                .isEqualTo("kexwatch scan: --concurrency must be at least 1, not 0" + System.lineSeparator());
    }
}
