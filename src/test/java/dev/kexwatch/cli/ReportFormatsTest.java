package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contrastsecurity.sarif.Result;
import com.contrastsecurity.sarif.ReportingDescriptor;
import com.contrastsecurity.sarif.SarifSchema210;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SARIF and JUnit XML from {@code kexwatch scan}, checked against their published schemas and read back by real
 * consumers (a SARIF 2.1.0 object model, Maven Surefire's report parser): every finding of the JSON output of the
 * same scan must be found in each.
 */
class ReportFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static MinaSshServer weak;
    private static MinaSshServer medium;
    private static String refused;
    /** Findings as the JSON output reports them, as "target|rule|direction" keys. */
    private static List<String> expected;

    @BeforeAll
    static void start() throws IOException {
        weak = MinaSshServer.start(MinaSshServer.Algorithms.weak());
        medium = MinaSshServer.start(mediumOnly());
        refused = Ports.LOOPBACK + ":" + Ports.freePort();
        expected = new ArrayList<>();
        for (JsonNode node : scan("--json").json()) {
            if (node.has("policy")) {
                node.get("policy").get("findings").forEach(f -> expected.add(key(node.get("target").asText(),
                        f.get("rule").asText(), f.path("direction").asText(""))));
            }
        }
        assertThat(expected).hasSizeGreaterThan(4);
    }

    @AfterAll
    static void stop() {
        weak.close();
        medium.close();
    }

    /** Only baseline's medium findings: SHA-1 MAC and a CBC cipher next to sound names. */
    static MinaSshServer.Algorithms mediumOnly() {
        return new MinaSshServer.Algorithms(List.of("ecdh-sha2-nistp256"), List.of("rsa-sha2-512"),
                List.of("aes128-ctr", "aes128-cbc"), List.of("hmac-sha2-256", "hmac-sha1"));
    }

    private static CliRun scan(String... args) {
        return CliRun.of(List.of("scan", "--timeout", "3", weak.target().toString(), medium.target().toString(),
                refused), args);
    }

    private static String key(String target, String rule, String direction) {
        return target + "|" + rule + "|" + direction;
    }

    @Test
    void sarifValidatesAgainstTheSchemaAndAModelReadsEveryFinding(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("kexwatch.sarif");
        CliRun run = scan("--format", "sarif", "--output", file.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        String sarif = Files.readString(file);

        assertThat(ReportReaders.sarifSchema().validate(sarif, InputFormat.JSON)).isEmpty();
        SarifSchema210 log = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(sarif, SarifSchema210.class);
        var sarifRun = log.getRuns().get(0);
        List<String> found = sarifRun.getResults().stream().map(r -> key(uri(r).substring("ssh://".length()),
                r.getRuleId(), String.valueOf(r.getProperties().getAdditionalProperties().getOrDefault("direction", ""))))
                .toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);

        Map<String, ReportingDescriptor> rules = sarifRun.getTool().getDriver().getRules().stream()
                .collect(Collectors.toMap(ReportingDescriptor::getId, r -> r));
        Result md5 = sarifRun.getResults().stream().filter(r -> r.getRuleId().equals("no-md5-mac")).findFirst()
                .orElseThrow();
        assertThat(md5.getLevel()).isEqualTo(Result.Level.ERROR);
        // The model holds rules as a set, so the index is checked on the document itself.
        JsonNode tree = JSON.readTree(sarif).get("runs").get(0);
        tree.get("results").forEach(r -> assertThat(tree.at("/tool/driver/rules/" + r.get("ruleIndex").asInt() + "/id")
                .asText()).isEqualTo(r.get("ruleId").asText()));
        assertThat(rules.get("no-md5-mac").getHelpUri()).hasToString("https://www.rfc-editor.org/rfc/rfc6151#section-2.3");
        assertThat(rules.get("no-md5-mac").getFullDescription().getText()).isNotBlank();
        assertThat(sarifRun.getResults().stream().filter(r -> r.getRuleId().equals("no-sha1-mac")).findFirst()
                .orElseThrow().getLevel()).isEqualTo(Result.Level.WARNING);
        assertThat(sarifRun.getInvocations().get(0).getToolExecutionNotifications())
                .extracting(n -> n.getMessage().getText()).singleElement().asString().startsWith(refused + ": ");
    }

    @Test
    void aBrokenSarifDocumentFailsTheSchema() {
        // The validator must be able to say no, or the test above proves nothing.
        assertThat(ReportReaders.sarifSchema().validate("{\"version\":\"2.1.0\",\"runs\":[{\"results\":[]}]}", InputFormat.JSON))
                .isNotEmpty();
    }

    @Test
    void junitValidatesAgainstTheSchemaAndSurefiresParserFindsEveryFinding(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kexwatch.xml");
        CliRun run = scan("--format", "junit", "-o", file.toString());
        assertThat(run.code()).as(run.err()).isEqualTo(3);

        List<ReportTestSuite> suites = ReportReaders.junit(file);
        assertThat(suites).singleElement().satisfies(suite -> {
            assertThat(suite.getNumberOfTests()).isEqualTo(3);
            assertThat(suite.getNumberOfFailures()).isEqualTo(2);
            assertThat(suite.getNumberOfErrors()).isEqualTo(1);
        });
        List<String> found = new ArrayList<>();
        for (ReportTestCase testCase : suites.get(0).getTestCases()) {
            if (testCase.hasFailure()) {
                for (String line : testCase.getFailureDetail().split("\n")) {
                    found.add(key(testCase.getName(), line.split(" ")[1], direction(line)));
                }
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(suites.get(0).getTestCases()).filteredOn(ReportTestCase::hasError).singleElement()
                .satisfies(t -> assertThat(t.getName()).isEqualTo(refused));
    }

    @Test
    void junitFailsOnlyTheHostsThatFailTheGate(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gate.xml");
        CliRun run = scan("--format", "junit", "--fail-on", "high", "-o", file.toString());
        assertThat(run.code()).isEqualTo(3);
        List<ReportTestSuite> suites = ReportReaders.junit(file);
        assertThat(suites.get(0).getTestCases()).filteredOn(ReportTestCase::hasFailure).extracting(ReportTestCase::getName)
                .containsExactly(weak.target().toString());
        assertThat(suites.get(0).getTestCases()).filteredOn(t -> t.getName().equals(medium.target().toString()))
                .singleElement().satisfies(t -> assertThat(t.isSuccessful()).isTrue());
        assertThat(Files.readString(file)).contains("<system-out>MEDIUM no-sha1-mac");
    }

    @Test
    void csvHasOneRowPerFinding() {
        CliRun run = scan("--format", "csv");
        String[] lines = run.out().split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", CsvFormat.HEADER));
        // Every finding a row, and the refused target one row of its own.
        assertThat(lines).hasSize(1 + expected.size() + 1);
    }

    /** "HIGH no-md5-mac (mac c2s): ..." gives "c2s"; "(kex)" gives "". */
    private static String direction(String line) {
        String where = line.substring(line.indexOf('(') + 1, line.indexOf(')'));
        return where.contains(" ") ? where.substring(where.indexOf(' ') + 1) : "";
    }

    private static String uri(Result result) {
        return result.getLocations().get(0).getPhysicalLocation().getArtifactLocation().getUri();
    }
}
