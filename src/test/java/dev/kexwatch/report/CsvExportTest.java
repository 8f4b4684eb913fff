package dev.kexwatch.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.HostileBehaviour.Kexinits;
import dev.kexwatch.testsupport.HostileSshServer;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CSV exports as evidence and as input: a hostile server whose first key exchange is {@code =2+5-sha1} and a
 * user profile whose id starts with {@code @} must not reach a spreadsheet as formulas (OWASP CSV injection);
 * labels come back in the import format, nothing is an empty cell, and every row says its scan and time.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class CsvExportTest {

    private static final String HOSTILE_NAME = "=2+5-sha1";

    private static HostileSshServer hostile;
    private static long hostId;
    private static long scanId;

    @BeforeEach
    void scanAHostileServer() {
        if (hostile != null) {
            return;
        }
        hostile = HostileSshServer.offering("SSH-2.0-OpenSSH_9.2",
                Kexinits.withKex(HOSTILE_NAME + ",curve25519-sha256"));
        hostId = Api.addHost("127.0.0.1", hostile.target().port(), Map.of("suite", "csv", "tier", "hostile"));
        scanId = Api.scan("suite=csv");
    }

    @AfterAll
    static void stop() {
        hostile.close();
    }

    @Test
    void hostListsNeutraliseFormulasAndCarryScanAndTime() {
        List<CSVRecord> rows = parse(given().accept("text/csv").queryParam("label", "suite=csv")
                .get("/api/reports/latest").then().statusCode(200).extract().asString());
        CSVRecord row = rows.get(0);
        assertThat(row.get("host_id")).isEqualTo(String.valueOf(hostId));
        assertThat(row.get("names")).as("a server's name is text, not a formula").startsWith("'" + HOSTILE_NAME);
        assertThat(row.get("labels")).as("the CSV inventory's own label format")
                .isIn("suite=csv;tier=hostile", "tier=hostile;suite=csv");
        assertThat(row.get("scan_id")).isEqualTo(String.valueOf(scanId));
        assertThat(Instant.parse(row.get("probed_at"))).isBefore(Instant.now().plusSeconds(1));
        assertThat(rows).allSatisfy(r -> assertThat(r.values()).doesNotContain("null"));
    }

    @Test
    void labelsReimportAsTheyWereExported() {
        CSVRecord row = parse(given().accept("text/csv").queryParam("label", "suite=csv")
                .get("/api/reports/latest").then().statusCode(200).extract().asString()).get(0);
        String reimport = "address,port,labels\r\n127.0.0.2," + row.get("port") + "," + row.get("labels") + "\r\n";
        given().contentType("text/csv").body(reimport).post("/api/hosts/import").then().statusCode(200);
        given().queryParam("label", "suite=csv,tier=hostile").get("/api/hosts").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void emptyValuesAreEmptyCellsNeverNull() {
        long unscanned = Api.addHost("127.0.0.92", 1, Map.of("suite", "csv-unscanned"));
        CSVRecord row = parse(given().accept("text/csv").queryParam("label", "suite=csv-unscanned")
                .get("/api/reports/latest").then().statusCode(200).extract().asString()).get(0);
        assertThat(row.get("host_id")).isEqualTo(String.valueOf(unscanned));
        assertThat(List.of(row.get("worst_severity"), row.get("outcome"), row.get("identification"),
                row.get("scan_id"), row.get("probed_at"))).containsOnly("");
    }

    @Test
    void algorithmUseNeutralisesAndDates() {
        List<CSVRecord> rows = parse(given().accept("text/csv").get("/api/reports/algorithms/" + HOSTILE_NAME)
                .then().statusCode(200).extract().asString());
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("host_id")).isEqualTo(String.valueOf(hostId));
            assertThat(r.get("scan_id")).isEqualTo(String.valueOf(scanId));
            assertThat(r.get("probed_at")).isNotEmpty();
        });
    }

    @Test
    void aProfileIdThatStartsAFormulaIsNeutralisedInTheMatrix() {
        Map<String, Object> profile = Map.of("id", "@SUM(1+1)", "name", "formula", "version", "1",
                "source", "a careless user", "kex", List.of("curve25519-sha256"), "hostkey", List.of("ssh-ed25519"),
                "cipher", List.of("aes256-gcm@openssh.com"), "mac", List.of("hmac-sha2-256"), "compression",
                List.of("none"));
        given().contentType(ContentType.JSON).body(Map.of("profiles", List.of(profile)))
                .post("/api/compatibility/profiles").then().statusCode(201);
        try {
            String csv = given().accept("text/csv").queryParam("label", "suite=csv")
                    .get("/api/compatibility/matrix").then().statusCode(200).extract().asString();
            assertThat(parse(csv)).extracting(r -> r.get("profile")).contains("'@SUM(1+1)")
                    .noneMatch(p -> p.startsWith("@"));
        } finally {
            given().delete("/api/compatibility/profiles/@SUM(1+1)").then().statusCode(204);
        }
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
