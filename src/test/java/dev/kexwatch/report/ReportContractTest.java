package dev.kexwatch.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.kexwatch.fleet.ComplianceQueries;
import dev.kexwatch.fleet.ComplianceQueries.HostFilter;
import dev.kexwatch.fleet.FleetQueries;
import dev.kexwatch.fleet.HostCompliance;
import dev.kexwatch.fleet.HostCompliance.FindingView;
import dev.kexwatch.fleet.HostState;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import dev.kexwatch.web.Page;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The HTTP contract of {@link ReportResource} with its queries replaced by mocks: what the resource parses from
 * the request and hands on (filters, paging, defaults), how it maps what comes back (JSON names, CSV, 404), and
 * that bad input is a located 400 that never reaches a query. {@link ReportResourceTest} covers the same
 * endpoints over real scans; this class pins what stored data cannot show, e.g. which page size a CSV asks for.
 */
@QuarkusTest
@CallsAs(Roles.VIEWER)
class ReportContractTest {

    private static final Instant PROBED = Instant.parse("2026-01-02T03:04:05Z");

    @InjectMock
    ComplianceQueries compliance;

    @InjectMock
    FleetQueries fleet;

    @InjectMock
    ComplianceReports reports;

    @Test
    void latestHandsOnParsedFiltersAndPagingAndAnswersWhatTheQueryReturned() {
        HostFilter asked = new HostFilter(Map.of("env", "prod", "role", "db"), HostState.non_compliant, "high");
        when(compliance.hosts(asked, 2, 7)).thenReturn(new Page<>(List.of(weakHost()), 2, 7, 42));

        given().queryParam("label", "env=prod, role=db").queryParam("state", "Non_Compliant")
                .queryParam("severity", "high").queryParam("page", 2).queryParam("size", 7)
                .get("/api/reports/latest").then().statusCode(200).contentType("application/json")
                .body("total", equalTo(42)).body("page", equalTo(2)).body("size", equalTo(7))
                .body("items[0].hostId", equalTo(7)).body("items[0].state", equalTo("non_compliant"))
                .body("items[0].worstSeverity", equalTo("high")).body("items[0].labels.env", equalTo("prod"))
                .body("items[0].probedAt", equalTo("2026-01-02T03:04:05Z"))
                .body("items[0].findings[0].ruleId", equalTo("kex-sha1"))
                .body("items[0].findings[0]", not(hasKey("rationale")));
        verify(compliance).hosts(asked, 2, 7);
    }

    @Test
    void aCsvExportAsksForLargerPagesThanJsonAndNonCompliantAlwaysFiltersByState() {
        when(compliance.hosts(any(), anyInt(), anyInt())).thenReturn(new Page<>(List.of(weakHost()), 0, 1000, 1));

        given().get("/api/reports/latest").then().statusCode(200);
        verify(compliance).hosts(new HostFilter(Map.of(), null, null), 0, 100);

        String csv = given().accept("text/csv").queryParam("state", "compliant").get("/api/reports/non-compliant")
                .then().statusCode(200).contentType("text/csv").extract().asString();
        verify(compliance).hosts(new HostFilter(Map.of(), HostState.non_compliant, null), 0, 1000);
        assertThat(csv.split("\r\n")).containsExactly(
                "host_id,address,port,labels,state,worst_severity,outcome,identification,rules,names,scan_id,"
                        + "probed_at",
                "7,127.0.0.7,2222,env=prod,non_compliant,high,OK,SSH-2.0-OpenSSH_7.4,baseline/kex-sha1,"
                        + "diffie-hellman-group1-sha1 diffie-hellman-group14-sha1,12,2026-01-02T03:04:05Z");
    }

    @Test
    void badSelectorsAreLocated400sThatNeverReachAQuery() {
        given().queryParam("label", "env").get("/api/reports/latest").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("label"))
                .body("errors[0].message", containsString("'env' is not key=value"));
        given().queryParam("groupBy", "tier\u0001").get("/api/reports/summary").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("groupBy"))
                .body("errors[0].message", containsString("\\u0001"));
        given().queryParam("label", "=prod").get("/api/reports/compliance").then().statusCode(400)
                .body("errors[0].field", equalTo("label"));
        verifyNoInteractions(compliance, fleet, reports);
    }

    @Test
    void aMissingHostOrDriftIs404AndDriftHandsOnItsScans() {
        given().get("/api/reports/hosts/99").then().statusCode(404);
        verify(fleet).host(99);
        given().queryParam("from", 3).get("/api/reports/hosts/99/drift").then().statusCode(404);
        verify(fleet).drift(99, 3L, null);
    }

    @Test
    void aComplianceReportIsOfTheLatestFinishedScanUnlessOneIsNamed() {
        when(reports.latestScan()).thenReturn(Optional.of(12L));
        given().queryParam("label", "env=prod").get("/api/reports/compliance").then().statusCode(404);
        verify(reports).report(12, "baseline", Map.of("env", "prod"));

        given().queryParam("scan", 5).queryParam("policy", "strict").get("/api/reports/compliance").then()
                .statusCode(404);
        verify(reports).report(5, "strict", Map.of());
        verify(reports).latestScan(); // once, for the first call only
    }

    /** The inline mock maker would attach an agent to this JVM (see the README's Tests section); a subclass needs none. */
    @Test
    void mocksAreSubclassesSoNoAgentIsAttached() {
        assertThat(compliance.getClass().getName()).startsWith(ComplianceQueries.class.getName() + "$MockitoMock$");
    }

    @Test
    void withoutAFinishedScanThereIsNoReportToAskFor() {
        when(reports.latestScan()).thenReturn(Optional.empty());
        given().get("/api/reports/compliance").then().statusCode(404);
        verify(reports, never()).report(anyLong(), any(), any());
    }

    /** Two findings of one rule: the CSV names the rule once and both offending names. */
    private static HostCompliance weakHost() {
        List<FindingView> findings = List.of(finding("diffie-hellman-group1-sha1"),
                finding("diffie-hellman-group14-sha1"));
        return new HostCompliance(7, "127.0.0.7", 2222, Map.of("env", "prod"), HostState.non_compliant, false, "high",
                "OK", null, "SSH-2.0-OpenSSH_7.4", 12L, PROBED, findings, List.of(), List.of());
    }

    private static FindingView finding(String name) {
        return new FindingView("baseline", "1", "kex-sha1", "high", "kex", null, List.of(name), null, null, null,
                null, null);
    }
}
