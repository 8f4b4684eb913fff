package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.SarifSchema210;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.Ports;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kexwatch negotiate} in every format a pipeline reads: SARIF against the OASIS schema and read by a SARIF
 * object model, JUnit XML against Jenkins' schema and read by Surefire's parser, CSV by Commons CSV; each must hold
 * every client x target pair that fails in the JSON output of the same run, with OpenSSH's and the seed's words.
 * And the gate: {@code --fail-on any|failure|never}.
 */
class NegotiateFormatsTest {

    private static final List<String> CLIENTS = List.of("-c", "openssh-9.2", "-c", "jsch-0.1.55");

    private static MinaSshServer hardened;
    private static MinaSshServer weak;
    private static String refused;
    /** Failing pairs as the JSON output reports them: "target|client|list". */
    private static List<String> failing;

    @BeforeAll
    static void start() throws IOException {
        hardened = MinaSshServer.start(new MinaSshServer.Algorithms(List.of("ecdh-sha2-nistp256"),
                List.of("rsa-sha2-512"), List.of("aes256-ctr"), List.of("hmac-sha2-512")));
        weak = MinaSshServer.start(MinaSshServer.Algorithms.weak());
        refused = Ports.LOOPBACK + ":" + Ports.freePort();
        failing = new ArrayList<>();
        int works = 0;
        for (JsonNode node : negotiate("--json").json()) {
            for (JsonNode client : node.get("clients")) {
                if (client.get("works").asBoolean()) {
                    works++;
                } else {
                    failing.add(key(node.get("target").asText(), client.get("client").asText(),
                            client.get("failure").get("list").asText()));
                }
            }
        }
        assertThat(works).as("pairs that negotiate").isGreaterThanOrEqualTo(2);
        assertThat(failing).as("pairs that fail").isNotEmpty()
                .allSatisfy(k -> assertThat(k).startsWith(hardened.target() + "|jsch-0.1.55|"));
    }

    @AfterAll
    static void stop() {
        hardened.close();
        weak.close();
    }

    private static CliRun negotiate(String... args) {
        List<String> prefix = new ArrayList<>(List.of("negotiate", "--timeout", "3"));
        prefix.addAll(CLIENTS);
        prefix.addAll(List.of(hardened.target().toString(), weak.target().toString(), refused));
        return CliRun.of(prefix, args);
    }

    private static String key(String target, String client, String list) {
        return target + "|" + client + "|" + list;
    }

    @Test
    void sarifValidatesAndHoldsEveryFailingPairInOpenSshsAndTheSeedsWords(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("negotiate.sarif");
        CliRun run = negotiate("--format", "sarif", "--output", file.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(NegotiateCommand.NEGOTIATION_FAILS);
        assertThat(run.out()).isEmpty();
        String sarif = Files.readString(file);

        assertThat(ReportReaders.sarifSchema().validate(sarif, InputFormat.JSON)).isEmpty();
        var sarifRun = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(sarif, SarifSchema210.class).getRuns().get(0);
        List<String> found = sarifRun.getResults().stream().map(r -> key(uri(r).substring("ssh://".length()),
                property(r, "client"), property(r, "list"))).toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(failing);
        assertThat(sarifRun.getResults()).allSatisfy(r -> {
            assertThat(r.getLevel()).isEqualTo(Result.Level.ERROR);
            assertThat(r.getRuleId()).startsWith("no-common-");
            assertThat(r.getMessage().getText()).contains("JSch 0.1.55", "Unable to negotiate with 127.0.0.1 port "
                    + hardened.port() + ": no matching ", "No common ");
        });
        JsonNode tree = new ObjectMapper().readTree(sarif).get("runs").get(0);
        tree.get("results").forEach(r -> assertThat(tree.at("/tool/driver/rules/" + r.get("ruleIndex").asInt()
                + "/id").asText()).isEqualTo(r.get("ruleId").asText()));
        assertThat(sarifRun.getTool().getDriver().getRules()).allSatisfy(rule -> assertThat(rule.getHelpUri())
                .hasToString("https://www.rfc-editor.org/rfc/rfc4253#section-7.1"));
        assertThat(sarifRun.getInvocations().get(0).getToolExecutionNotifications())
                .extracting(n -> n.getMessage().getText()).singleElement().asString().startsWith(refused + ": ");
    }

    @Test
    void junitValidatesAndSurefiresParserFindsEveryFailingPair(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("negotiate.xml");
        CliRun run = negotiate("--format", "junit", "-o", file.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(NegotiateCommand.NEGOTIATION_FAILS);

        List<ReportTestSuite> suites = ReportReaders.junit(file);
        assertThat(suites).extracting(ReportTestSuite::getFullClassName)
                .containsExactly("kexwatch.negotiate.openssh-9.2", "kexwatch.negotiate.jsch-0.1.55");
        assertThat(suites).allSatisfy(suite -> {
            assertThat(suite.getNumberOfTests()).isEqualTo(3);
            assertThat(suite.getNumberOfErrors()).isEqualTo(1);
        });
        List<String> found = new ArrayList<>();
        for (ReportTestSuite suite : suites) {
            for (ReportTestCase testCase : suite.getTestCases()) {
                if (testCase.hasFailure()) {
                    found.add(key(testCase.getName(), testCase.getFullClassName().substring("kexwatch.negotiate.".length()),
                            testCase.getFailureType()));
                    assertThat(testCase.getFailureMessage()).contains("Unable to negotiate with", ": no matching ");
                    assertThat(testCase.getFailureDetail()).contains("No common ", "fix (client): ", "fix (server): ");
                }
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(failing);
        assertThat(suites.get(0).getTestCases()).filteredOn(ReportTestCase::hasError).singleElement()
                .satisfies(t -> assertThat(t.getName()).isEqualTo(refused));
    }

    @Test
    void theGateDecidesTheExitCodeAndJunitFollowsIt(@TempDir Path dir) throws Exception {
        assertThat(negotiate("--fail-on", "failure").code()).isEqualTo(NegotiateCommand.NEGOTIATION_FAILS);
        CliRun down = CliRun.of(List.of("negotiate", "--timeout", "3", "-c", "openssh-9.2"), weak.target().toString(),
                refused);
        assertThat(down.code()).as("default gate: a target not probed").isEqualTo(1);
        Path file = dir.resolve("gate.xml");
        CliRun maintenance = CliRun.of(List.of("negotiate", "--timeout", "3", "-c", "openssh-9.2", "--fail-on",
                "failure", "--format", "junit", "-o", file.toString()), weak.target().toString(), refused);
        assertThat(maintenance.code()).as("a host that is down does not fail the gate").isZero();
        ReportTestSuite suite = ReportReaders.junit(file).get(0);
        assertThat(suite.getNumberOfErrors()).isZero();
        assertThat(suite.getNumberOfSkipped()).isEqualTo(1);

        Path never = dir.resolve("never.xml");
        CliRun report = negotiate("--fail-on", "never", "--format", "junit", "-o", never.toString());
        assertThat(report.code()).isZero();
        assertThat(ReportReaders.junit(never)).allSatisfy(s -> {
            assertThat(s.getNumberOfFailures()).isZero();
            assertThat(s.getNumberOfErrors()).isZero();
        });
        assertThat(Files.readString(never)).contains("<system-out>No common ");

        CliRun bad = negotiate("--fail-on", "high");
        assertThat(bad.code()).isEqualTo(Cli.USAGE);
        assertThat(bad.err()).contains("--fail-on", "any, failure, never");
    }

    @Test
    void csvHasOneRowPerClientAndTarget() throws IOException {
        CliRun run = negotiate("--format", "csv");
        List<CSVRecord> rows;
        try (Reader in = new StringReader(run.out())) {
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        assertThat(rows).hasSize(3 * 2);
        assertThat(rows).filteredOn(r -> r.get("negotiates").equals("false"))
                .extracting(r -> key(r.get("target"), r.get("client"), r.get("failed_list")))
                .containsExactlyInAnyOrderElementsOf(failing);
        assertThat(rows).filteredOn(r -> r.get("target").equals(refused)).extracting(r -> r.get("outcome"))
                .containsOnly("REFUSED");
        CSVRecord works = rows.stream().filter(r -> r.get("target").equals(hardened.target().toString())
                && r.get("client").equals("openssh-9.2")).findFirst().orElseThrow();
        assertThat(works.get("cipher_c2s")).isEqualTo("aes256-ctr");
        assertThat(works.get("negotiates")).isEqualTo("true");
    }

    @Test
    void summaryIsOneLinePerTargetThenTheFleetAndTheDefaultPastTheThreshold() {
        CliRun run = negotiate("--summary");
        assertThat(run.code()).isEqualTo(NegotiateCommand.NEGOTIATION_FAILS);
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).startsWith(hardened.target().toString()).contains("1 of 2 client(s) fail: jsch-0.1.55 (");
        assertThat(lines[1]).startsWith(weak.target().toString()).contains("all 2 client(s) negotiate");
        assertThat(lines[2]).startsWith(refused).contains("not probed: connection refused");
        assertThat(run.out()).contains("3 target(s) x 2 client(s): 3 pair(s) negotiate, 1 fail, 1 target(s) not "
                + "probed", "failing clients:  jsch-0.1.55 1");

        List<String> many = new ArrayList<>(Ports.refusingTargets(ViewOptions.SUMMARY_THRESHOLD));
        many.add(weak.target().toString());
        CliRun fleet = CliRun.of(List.of("negotiate", "--timeout", "3", "-c", "openssh-9.2"), many.toArray(String[]::new));
        assertThat(fleet.out()).contains(ViewOptions.SUMMARY_THRESHOLD + 1 + " target(s) x 1 client(s)")
                .doesNotContain("cipher c2s");
        CliRun detail = CliRun.of(List.of("negotiate", "--timeout", "3", "-c", "openssh-9.2", "--detail"),
                many.toArray(String[]::new));
        assertThat(detail.out()).contains("cipher c2s").doesNotContain("target(s) x");
    }

    private static String property(Result result, String name) {
        return String.valueOf(result.getProperties().getAdditionalProperties().get(name));
    }

    private static String uri(Result result) {
        return result.getLocations().get(0).getPhysicalLocation().getArtifactLocation().getUri();
    }
}
