package dev.kexwatch.report;

import dev.kexwatch.fleet.AlgorithmUse;
import dev.kexwatch.fleet.ComplianceQueries;
import dev.kexwatch.fleet.ComplianceQueries.HostFilter;
import dev.kexwatch.fleet.Drift;
import dev.kexwatch.fleet.FleetQueries;
import dev.kexwatch.fleet.FleetSummary;
import dev.kexwatch.fleet.HostCompliance;
import dev.kexwatch.fleet.HostDetail;
import dev.kexwatch.fleet.HostState;
import dev.kexwatch.fleet.Labels;
import dev.kexwatch.fleet.TrendPoint;
import dev.kexwatch.policy.Severity;
import dev.kexwatch.web.Csv;
import dev.kexwatch.web.Page;
import dev.kexwatch.web.Problem;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Compliance reports for auditors and dashboards. Host lists are paged ({@code page} from 0, {@code size}
 * up to 1000) and filtered by labels ({@code label=env=prod,role=db}), state and minimum severity; the
 * lists also come as CSV ({@code Accept: text/csv}).
 */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final String CSV = "text/csv";

    @Inject
    ComplianceQueries compliance;

    @Inject
    FleetQueries fleet;

    @Inject
    ComplianceReports reports;

    /** Every enabled host with its latest outcome, pass/fail and findings. */
    @GET
    @Path("/latest")
    @Produces(MediaType.APPLICATION_JSON)
    public Page<HostCompliance> latest(@QueryParam("label") String label, @QueryParam("state") String state,
            @QueryParam("severity") String severity, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return compliance.hosts(filter(label, state, severity), page, size);
    }

    @GET
    @Path("/latest")
    @Produces(CSV)
    public String latestCsv(@QueryParam("label") String label, @QueryParam("state") String state,
            @QueryParam("severity") String severity, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("1000") @Min(1) @Max(100000) int size) {
        return hostsCsv(compliance.hosts(filter(label, state, severity), page, size).items());
    }

    /** Hosts that answered and broke at least one rule, in host id order ({@code severity=high}: the worst only). */
    @GET
    @Path("/non-compliant")
    @Produces(MediaType.APPLICATION_JSON)
    public Page<HostCompliance> nonCompliant(@QueryParam("label") String label,
            @QueryParam("severity") String severity, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return compliance.hosts(filter(label, HostState.non_compliant.name(), severity), page, size);
    }

    @GET
    @Path("/non-compliant")
    @Produces(CSV)
    public String nonCompliantCsv(@QueryParam("label") String label, @QueryParam("severity") String severity,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("1000") @Min(1) @Max(100000) int size) {
        return hostsCsv(compliance.hosts(filter(label, HostState.non_compliant.name(), severity), page, size).items());
    }

    /** Counts by state, severity, policy, rule, and (with {@code groupBy=KEY}) by a label's values. */
    @GET
    @Path("/summary")
    public FleetSummary summary(@QueryParam("groupBy") String groupBy) {
        return fleet.summary(groupBy == null ? null : parsed("groupBy", () -> Labels.selectorText(groupBy)));
    }

    /** One host: latest outcome, findings with remediation, the name-lists it offered, and its history. */
    @GET
    @Path("/hosts/{id}")
    public RestResponse<HostDetail> host(@PathParam("id") long id) {
        return fleet.host(id).map(RestResponse::ok).orElse(RestResponse.notFound());
    }

    /** What changed for a host between two scans (default: its two latest results). */
    @GET
    @Path("/hosts/{id}/drift")
    public RestResponse<Drift> drift(@PathParam("id") long id, @QueryParam("from") Long from,
            @QueryParam("to") Long to) {
        return fleet.drift(id, from, to).map(RestResponse::ok).orElse(RestResponse.notFound());
    }

    /** Every host whose result changed in a scan (default: the latest), with what changed, in host id order. */
    @GET
    @Path("/changes")
    public Page<Drift> changes(@QueryParam("scan") Long scan, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return fleet.changes(scan, page, size);
    }

    /** Hosts whose latest offer has the algorithm, and in which lists. */
    @GET
    @Path("/algorithms/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public Page<AlgorithmUse> algorithm(@PathParam("name") String name,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return fleet.offering(name, page, size);
    }

    @GET
    @Path("/algorithms/{name}")
    @Produces(CSV)
    public String algorithmCsv(@PathParam("name") String name) {
        List<List<?>> rows = new ArrayList<>();
        fleet.offering(name, 0, 100_000).items().forEach(u -> rows.add(
                Arrays.asList(u.hostId(), u.address(), u.port(), u.lists(), u.scanId(), u.probedAt())));
        return Csv.of(List.of("host_id", "address", "port", "lists", "scan_id", "probed_at"), rows);
    }

    /**
     * The dated compliance report of one policy over the hosts a label selector picks, as of one scan (default:
     * the latest finished one). 404 when the scan or the policy is unknown. Also a page and a PDF at
     * {@code /ui/reports/compliance}.
     */
    @GET
    @Path("/compliance")
    public RestResponse<ComplianceReport> compliance(@QueryParam("policy") @DefaultValue("baseline") String policy,
            @QueryParam("label") String label, @QueryParam("scan") Long scan) {
        Map<String, String> labels = parsed("label", () -> Labels.parse(label));
        return Optional.ofNullable(scan).or(reports::latestScan).flatMap(id -> reports.report(id, policy, labels))
                .map(RestResponse::ok).orElse(RestResponse.notFound());
    }

    /** Counts of the last {@code scans} finished scans, oldest first. */
    @GET
    @Path("/trends")
    public List<TrendPoint> trends(@QueryParam("scans") @DefaultValue("30") @Min(1) @Max(1000) int scans) {
        return fleet.trends(scans);
    }

    private static HostFilter filter(String label, String state, String severity) {
        return new HostFilter(parsed("label", () -> Labels.parse(label)),
                parsed("state", () -> state == null ? null : HostState.parse(state)),
                parsed("severity", () -> severity == null ? null : Severity.fromId(severity).map(Severity::id)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "'" + severity + "' is not one of info, low, medium, high, critical"))));
    }

    /** Runs a parser, turning its complaint into a 400 problem naming the query parameter. */
    private static <T> T parsed(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Problem.of(Status.BAD_REQUEST, "bad query parameter",
                    List.of(new Problem.FieldError(field, e.getMessage()))).toResponse());
        }
    }

    /** One row per host; {@code scan_id} and {@code probed_at} date each row as evidence. */
    private static String hostsCsv(List<HostCompliance> hosts) {
        List<List<?>> rows = new ArrayList<>();
        for (HostCompliance h : hosts) {
            List<String> rules = h.findings().stream().map(f -> f.policyId() + "/" + f.ruleId()).distinct().toList();
            List<String> names = h.findings().stream().flatMap(f -> f.names().stream()).distinct().toList();
            rows.add(Arrays.asList(h.hostId(), h.address(), h.port(), h.labels(), h.state(), h.worstSeverity(),
                    h.outcome(), h.identification(), rules, names, h.scanId(), h.probedAt()));
        }
        return Csv.of(List.of("host_id", "address", "port", "labels", "state", "worst_severity", "outcome",
                "identification", "rules", "names", "scan_id", "probed_at"), rows);
    }
}
