package dev.kexwatch.pages;

import dev.kexwatch.compliance.PolicyRegistry;
import dev.kexwatch.fleet.ComplianceQueries;
import dev.kexwatch.fleet.ComplianceQueries.HostFilter;
import dev.kexwatch.fleet.FleetQueries;
import dev.kexwatch.fleet.FleetSummary;
import dev.kexwatch.fleet.HostCompliance;
import dev.kexwatch.fleet.HostState;
import dev.kexwatch.fleet.Labels;
import dev.kexwatch.pages.Pages.Count;
import dev.kexwatch.pages.Pages.Option;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.Severity;
import dev.kexwatch.scan.ScanCalendar;
import dev.kexwatch.web.Page;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fleet: hosts by state, severity, policy and label, the trend of the last scans, and the filtered host list. */
@Path("/ui/fleet")
@Produces(MediaType.TEXT_HTML)
public class FleetPage {

    static final int PAGE_SIZE = 100;

    @Inject
    PageAccess access;

    @Inject
    ComplianceQueries compliance;

    @Inject
    FleetQueries fleet;

    @Inject
    ScanCalendar calendar;

    @Inject
    PolicyRegistry policies;

    /** The filters as the form sent them. */
    public record Filters(String label, String state, String severity, String policy, String q, String groupBy) {

        Map<String, String> params() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("label", label);
            p.put("state", state);
            p.put("severity", severity);
            p.put("policy", policy);
            p.put("q", q);
            p.put("groupBy", groupBy);
            return p;
        }
    }

    /** One host of the list. */
    public record Row(long id, String target, String labels, String state, String worst, String rules,
            String probedAt) {
    }

    /** Hosts per state for one value of the grouping label. */
    public record LabelRow(String value, long compliant, long nonCompliant, long unreachable, long unscanned) {
    }

    public record View(Filters filters, List<Option> states, List<Option> severities, List<Option> policyOptions,
            List<Count> byState, List<Count> bySeverity, List<Count> byPolicy, List<LabelRow> byLabel, String chart,
            String lastScan, String nextScan, String running, List<Row> hosts, long total, String error,
            String prev, String next) {
    }

    @GET
    public TemplateInstance fleet(@QueryParam("label") String label, @QueryParam("state") String state,
            @QueryParam("severity") String severity, @QueryParam("policy") String policy,
            @QueryParam("q") String q, @QueryParam("groupBy") @DefaultValue("env") String groupBy,
            @QueryParam("page") @DefaultValue("0") int page) {
        Filters f = new Filters(Pages.blankToEmpty(label), Pages.blankToEmpty(state), Pages.blankToEmpty(severity),
                Pages.blankToEmpty(policy), Pages.blankToEmpty(q), Pages.blankToEmpty(groupBy));
        Visitor v = access.reader("/ui/fleet?" + Pages.query(f.params()));
        String error = "";
        Page<HostCompliance> hosts = new Page<>(List.of(), 0, PAGE_SIZE, 0);
        try {
            hosts = compliance.hosts(filter(f), Math.max(0, page), PAGE_SIZE);
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
        }
        return Views.fleet(v, view(f, hosts, error, Math.max(0, page)));
    }

    private View view(Filters f, Page<HostCompliance> hosts, String error, int page) {
        FleetSummary summary = fleet.summary(f.groupBy().isEmpty() ? null : f.groupBy());
        List<String> policyIds = policies.policies().policies().stream().map(Policy::id).sorted().toList();
        String running = calendar.running().map(s -> "scan " + s.id() + " is running: " + s.done() + " of " + s.total()
                + " hosts").orElse("");
        return new View(f, Pages.Option.of(states(), f.state(), "any state"),
                Pages.Option.of(severities(), f.severity(), "any severity"),
                Pages.Option.of(policyIds, f.policy(), "any policy"),
                counts(summary.byState(), "state"), counts(summary.bySeverity(), "severity"),
                counts(summary.nonCompliantByPolicy(), "state=non_compliant&policy"), byLabel(summary),
                TrendChart.svg(fleet.trends(30)),
                calendar.latestFinished().map(s -> "scan " + s.id() + ", finished " + Pages.when(s.finishedAt()))
                        .orElse("none yet"),
                calendar.nextScheduled().map(Pages::when).orElse("not scheduled"), running,
                hosts.items().stream().map(FleetPage::row).toList(), hosts.total(), error,
                page > 0 ? link(f, page - 1) : "",
                (long) (page + 1) * PAGE_SIZE < hosts.total() ? link(f, page + 1) : "");
    }

    /** The page's filters as the host list's; a policy stands for the hosts it applies to (its selector). */
    private HostFilter filter(Filters f) {
        Map<String, String> labels = new HashMap<>(Labels.parse(f.label().isEmpty() ? null : f.label()));
        if (!f.policy().isEmpty()) {
            Policy policy = policies.policies().byId(f.policy())
                    .orElseThrow(() -> new IllegalArgumentException("policy: no policy '" + f.policy() + "'"));
            for (Map.Entry<String, String> e : policy.selector().labels().entrySet()) {
                String asked = labels.put(e.getKey(), e.getValue());
                if (asked != null && !asked.equals(e.getValue())) {
                    throw new IllegalArgumentException("policy " + f.policy() + " applies to " + e.getKey() + "="
                            + e.getValue() + " only, not to " + e.getKey() + "=" + asked);
                }
            }
        }
        HostState state = f.state().isEmpty() ? null : HostState.parse(f.state());
        String severity = f.severity().isEmpty() ? null : Severity.fromId(f.severity()).map(Severity::id)
                .orElseThrow(() -> new IllegalArgumentException("severity: '" + f.severity() + "' is not known"));
        return new HostFilter(labels, state, severity, f.q().isEmpty() ? null : f.q());
    }

    private static Row row(HostCompliance h) {
        String rules = String.join(", ", h.findings().stream().map(x -> x.policyId() + "/" + x.ruleId()).distinct()
                .toList());
        return new Row(h.hostId(), h.address() + ":" + h.port(), Pages.labels(h.labels()), h.state().name(),
                Optional.ofNullable(h.worstSeverity()).orElse(""), rules,
                h.probedAt() == null ? "" : Pages.when(h.probedAt()));
    }

    private static List<Count> counts(Map<String, Long> counts, String param) {
        List<Count> list = new ArrayList<>();
        counts.forEach((name, n) -> list.add(new Count(name, n, "/ui/fleet?" + param + "="
                + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))));
        return list;
    }

    private static List<LabelRow> byLabel(FleetSummary summary) {
        List<LabelRow> rows = new ArrayList<>();
        summary.byLabel().forEach((value, states) -> rows.add(new LabelRow(value,
                states.getOrDefault("compliant", 0L), states.getOrDefault("non_compliant", 0L),
                states.getOrDefault("unreachable", 0L), states.getOrDefault("unscanned", 0L))));
        return rows;
    }

    private static String link(Filters f, int page) {
        Map<String, String> p = f.params();
        p.put("page", String.valueOf(page));
        return "/ui/fleet?" + Pages.query(p);
    }

    private static List<String> states() {
        return Arrays.stream(HostState.values()).map(Enum::name).toList();
    }

    private static List<String> severities() {
        return Arrays.stream(Severity.values()).map(Severity::id).toList();
    }
}
