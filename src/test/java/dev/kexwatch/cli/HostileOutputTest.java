package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import dev.kexwatch.testsupport.HostileSshServer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
 * Hostile server text through every format of {@code scan} and {@code negotiate}: an identification and names
 * carrying NUL, ESC, C1, DEL, quotes, a line break, XML's {@code ]]>}, {@code <} and {@code &}. No output may carry
 * a raw control character; SARIF must still validate, JUnit XML validate and parse, CSV keep its columns; the
 * quotes and {@code ]]>} must come back as the server sent them (escaped for the format, not lost).
 */
class HostileOutputTest {

    /** Quotes, XML's CDATA end, markup, an ESC colour sequence, C1 CSI, DEL. */
    private static final String MARKUP = "\"q'<x&y>]]>\u001b[31m\u009b2J\u007f";
    /** The same plus NUL and a line break: inside a KEXINIT name (NUL in an identification is refused). */
    private static final String NAME = "x" + MARKUP + "\u0000\n-cbc";
    private static final List<String> RAW = List.of("\u0000", "\u001b", "\u009b", "\u007f");

    private static HostileSshServer names;
    private static HostileSshServer nul;
    private static List<String> targets;

    @BeforeAll
    static void start() {
        // The same list ten times: kex and host key too, so every client fails on kex and quotes the name.
        names = HostileSshServer.offering("SSH-2.0-Evil" + MARKUP, Collections.nCopies(10, "aes128-ctr," + NAME));
        nul = HostileSshServer.offering("SSH-2.0-Nul\u0000" + MARKUP, Collections.nCopies(10, "aes128-ctr"));
        targets = List.of(names.target().toString(), nul.target().toString());
    }

    @AfterAll
    static void stop() {
        names.close();
        nul.close();
    }

    private static CliRun run(String command, String... args) {
        List<String> prefix = new ArrayList<>(List.of(command, "--timeout", "3"));
        if (command.equals("negotiate")) {
            prefix.addAll(List.of("-c", "openssh-9.2"));
        }
        prefix.addAll(targets);
        return CliRun.of(prefix, args);
    }

    @Test
    void terminalFormatsCarryNoRawControlCharacter() throws IOException {
        for (String command : List.of("scan", "negotiate")) {
            for (String format : List.of("table", "summary", "json")) {
                CliRun run = run(command, "--format", format);
                assertThat(run.out() + run.err()).as(command + " " + format).doesNotContain(RAW);
                if (!(command.equals("negotiate") && format.equals("summary"))) { // which clients fail: no names
                    assertThat(run.out()).as(command + " " + format).contains("]]>")
                            .containsAnyOf("\\x1b[31m", "\\e[31m", "\\u001b[31m", "\\u001B[31m");
                }
            }
            for (JsonNode line : run(command, "--json").json()) {
                assertThat(line.toString()).doesNotContain(RAW);
            }
        }
    }

    @Test
    void sarifValidatesAndKeepsTheQuotesAndTheCdataEnd(@TempDir Path dir) throws IOException {
        for (String command : List.of("scan", "negotiate")) {
            Path file = dir.resolve(command + ".sarif");
            run(command, "--format", "sarif", "-o", file.toString());
            String sarif = Files.readString(file);
            assertThat(sarif).as(command).doesNotContain(RAW);
            assertThat(ReportReaders.sarifSchema().validate(sarif, InputFormat.JSON)).as(command).isEmpty();
            JsonNode run = new ObjectMapper().readTree(sarif).get("runs").get(0);
            assertThat(run.get("results").findValuesAsText("text")).as(command)
                    .anySatisfy(text -> assertThat(text).contains("\"q'<x&y>]]>").doesNotContain(RAW));
            assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText()).as(command)
                    .startsWith(nul.target() + ": ").contains("\\x00").doesNotContain(RAW);
        }
    }

    @Test
    void junitValidatesAndItsReaderGetsTheTextBack(@TempDir Path dir) throws Exception {
        for (String command : List.of("scan", "negotiate")) {
            Path file = dir.resolve(command + ".xml");
            run(command, "--format", "junit", "-o", file.toString());
            assertThat(Files.readString(file)).as(command).doesNotContain(RAW);
            List<ReportTestCase> cases = ReportReaders.junit(file).stream().map(ReportTestSuite::getTestCases)
                    .flatMap(List::stream).toList();
            assertThat(cases).as(command).filteredOn(ReportTestCase::hasFailure).singleElement()
                    .satisfies(c -> assertThat(c.getFailureMessage() + c.getFailureDetail()).contains("\"q'<x&y>]]>"));
            assertThat(cases).as(command).filteredOn(ReportTestCase::hasError).singleElement()
                    .satisfies(c -> assertThat(c.getName()).isEqualTo(nul.target().toString()));
        }
    }

    @Test
    void csvKeepsItsColumnsAndTheCellsText() throws IOException {
        for (String command : List.of("scan", "negotiate")) {
            CliRun run = run(command, "--format", "csv");
            assertThat(run.out()).as(command).doesNotContain(RAW);
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(run.out())).getRecords();
            int columns = (command.equals("scan") ? CsvFormat.HEADER : NegotiationCsv.HEADER).size();
            assertThat(rows).as(command).isNotEmpty().allSatisfy(r -> assertThat(r.size()).isEqualTo(columns));
            assertThat(rows.stream().flatMap(r -> r.toList().stream())).as(command)
                    .anySatisfy(cell -> assertThat(cell).contains("\"q'<x&y>]]>"));
        }
    }
}
