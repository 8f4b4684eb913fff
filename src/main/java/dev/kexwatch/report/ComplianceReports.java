package dev.kexwatch.report;

import dev.kexwatch.compliance.PolicyRegistry;
import dev.kexwatch.fleet.ComplianceQueries;
import dev.kexwatch.fleet.HostCompliance;
import dev.kexwatch.fleet.HostCompliance.FindingView;
import dev.kexwatch.fleet.HostState;
import dev.kexwatch.fleet.ScanRun;
import dev.kexwatch.fleet.ScanRuns;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.Waiver;
import dev.kexwatch.report.ComplianceReport.Counts;
import dev.kexwatch.report.ComplianceReport.WaiverInForce;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Builds dated compliance reports of one policy over the hosts of a label selector, as of one scan. */
@ApplicationScoped
public class ComplianceReports {

    @Inject
    ComplianceQueries compliance;

    @Inject
    PolicyRegistry policies;

    @Inject
    ScanRuns runs;

    /** The latest finished scan's id, the default of a report (pages redirect to it, so URLs stay stable). */
    @Transactional
    public Optional<Long> latestScan() {
        return runs.latestFinished().map(r -> r.id);
    }

    /**
     * The report; empty when the scan or the policy is unknown.
     *
     * @param labels the selector; hosts must also match the policy's own selector
     */
    @Transactional
    public Optional<ComplianceReport> report(long scanId, String policyId, Map<String, String> labels) {
        Optional<ScanRun> run = runs.find(scanId);
        Optional<Policy> policy = policies.policies().byId(policyId);
        if (run.isEmpty() || policy.isEmpty()) {
            return Optional.empty();
        }
        List<HostCompliance> hosts = scope(scanId, policy.get(), labels).stream()
                .map(h -> forPolicy(h, policyId)).toList();
        TreeSet<String> versions = new TreeSet<>(List.of(policy.get().version()));
        hosts.forEach(h -> h.findings().forEach(f -> versions.add(f.policyVersion())));
        hosts.forEach(h -> h.waived().forEach(f -> versions.add(f.policyVersion())));
        ScanRun scan = run.get();
        return Optional.of(new ComplianceReport(policyId, policy.get().title(), List.copyOf(versions), Map.copyOf(labels),
                new ComplianceReport.Scan(scan.id, scan.status.name(), scan.startedAt, scan.finishedAt), counts(hosts),
                hosts.stream().filter(h -> h.state() == HostState.non_compliant).toList(),
                waivers(policy.get(), hosts, scan.startedAt.atZone(ZoneOffset.UTC).toLocalDate())));
    }

    /** Hosts of the selector that the policy applies to; none when the two selectors disagree on a label. */
    private List<HostCompliance> scope(long scanId, Policy policy, Map<String, String> labels) {
        Map<String, String> both = new HashMap<>(labels);
        for (Map.Entry<String, String> e : policy.selector().labels().entrySet()) {
            String asked = both.put(e.getKey(), e.getValue());
            if (asked != null && !asked.equals(e.getValue())) {
                return List.of();
            }
        }
        return compliance.atScan(scanId, both);
    }

    /** The host with only this policy's findings, and its state as this policy sees it. */
    private static HostCompliance forPolicy(HostCompliance h, String policyId) {
        List<FindingView> findings = h.findings().stream().filter(f -> f.policyId().equals(policyId)).toList();
        List<FindingView> waived = h.waived().stream().filter(f -> f.policyId().equals(policyId)).toList();
        HostState state = h.outcome() == null ? HostState.unscanned
                : !"OK".equals(h.outcome()) ? HostState.unreachable
                : findings.isEmpty() ? HostState.compliant : HostState.non_compliant;
        String worst = findings.stream().map(FindingView::severity).max(ComplianceReports::bySeverity).orElse(null);
        return new HostCompliance(h.hostId(), h.address(), h.port(), h.labels(), state, state == HostState.compliant,
                worst, h.outcome(), h.detail(), h.identification(), h.scanId(), h.probedAt(), findings, waived,
                List.of());
    }

    private static int bySeverity(String a, String b) {
        return Integer.compare(rank(a), rank(b));
    }

    private static int rank(String severity) {
        return dev.kexwatch.policy.Severity.fromId(severity).map(Enum::ordinal).orElse(-1);
    }

    private static Counts counts(List<HostCompliance> hosts) {
        Map<HostState, Integer> n = new HashMap<>();
        hosts.forEach(h -> n.merge(h.state(), 1, Integer::sum));
        return new Counts(hosts.size(), n.getOrDefault(HostState.compliant, 0),
                n.getOrDefault(HostState.non_compliant, 0), n.getOrDefault(HostState.unreachable, 0),
                n.getOrDefault(HostState.unscanned, 0));
    }

    private static List<WaiverInForce> waivers(Policy policy, List<HostCompliance> hosts, LocalDate day) {
        List<WaiverInForce> inForce = new ArrayList<>();
        for (Waiver w : policy.waivers()) {
            if (!w.activeOn(day)) {
                continue;
            }
            List<String> waivedOn = hosts.stream()
                    .filter(h -> h.waived().stream().anyMatch(f -> f.waiver().startsWith(w.id() + ":")))
                    .map(h -> h.address() + ":" + h.port()).toList();
            inForce.add(new WaiverInForce(w.id(), w.rule(), w.host().orElse(""), w.labels(), w.reason(), w.expires(),
                    waivedOn));
        }
        return inForce;
    }
}
