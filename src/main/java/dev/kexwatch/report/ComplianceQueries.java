package dev.kexwatch.report;

import dev.kexwatch.inventory.Host;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.report.HostCompliance.FindingView;
import dev.kexwatch.scan.FindingRecord;
import dev.kexwatch.scan.ProbeRecord;
import dev.kexwatch.scan.StoredOffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the latest result of every host and its findings. */
@ApplicationScoped
public class ComplianceQueries {

    @Inject
    EntityManager em;

    @Transactional
    public List<HostCompliance> latest() {
        List<Host> hosts = Host.listEnabled();
        Map<Long, ProbeRecord> results = latestResults();
        Map<Long, List<FindingRecord>> findings = findingsOf(results.values().stream().map(r -> r.id).toList());
        return hosts.stream().map(h -> toView(h, results.get(h.id), findings)).toList();
    }

    /** One host's latest compliance and the lists behind it; empty for an unknown host. */
    @Transactional
    public Optional<HostDetail> host(long hostId) {
        return Host.<Host>findByIdOptional(hostId).map(host -> {
            Optional<ProbeRecord> latest = ProbeRecord.<ProbeRecord>find("hostId = ?1 order by probedAt desc, id desc",
                    hostId).firstResultOptional();
            Map<Long, List<FindingRecord>> findings = findingsOf(latest.map(r -> List.of(r.id)).orElse(List.of()));
            Map<String, List<String>> lists = latest.map(r -> r.offerId).map(id -> StoredOffer.<StoredOffer>findById(id))
                    .map(o -> o.lists).orElse(Map.of());
            return new HostDetail(toView(host, latest.orElse(null), findings), lists,
                    latest.map(r -> r.preIdentification).orElse(List.of()));
        });
    }

    @Transactional
    public Map<HostState, Long> stateCounts() {
        Map<HostState, Long> counts = new EnumMap<>(HostState.class);
        latest().forEach(h -> counts.merge(h.state(), 1L, Long::sum));
        return counts;
    }

    private Map<Long, ProbeRecord> latestResults() {
        @SuppressWarnings("unchecked")
        List<ProbeRecord> rows = em.createNativeQuery("""
                select distinct on (host_id) * from probe_result
                order by host_id, probed_at desc, id desc""", ProbeRecord.class).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> r.hostId, Function.identity()));
    }

    private static Map<Long, List<FindingRecord>> findingsOf(List<Long> resultIds) {
        if (resultIds.isEmpty()) {
            return Map.of();
        }
        List<FindingRecord> rows = FindingRecord.list("probeResultId in ?1 order by id", resultIds);
        return rows.stream().collect(Collectors.groupingBy(f -> f.probeResultId));
    }

    private static HostCompliance toView(Host host, ProbeRecord result, Map<Long, List<FindingRecord>> findings) {
        if (result == null) {
            return new HostCompliance(host.id, host.address, host.port, host.labels, HostState.unscanned, false, null,
                    null, null, null, null, List.of());
        }
        List<FindingView> views = findings.getOrDefault(result.id, List.of()).stream().map(ComplianceQueries::toView)
                .toList();
        boolean ok = ProbeOutcome.OK.name().equals(result.outcome);
        HostState state = !ok ? HostState.unreachable : views.isEmpty() ? HostState.compliant : HostState.non_compliant;
        return new HostCompliance(host.id, host.address, host.port, host.labels, state, state == HostState.compliant,
                result.outcome, result.detail, result.identification, result.scanId, result.probedAt, views);
    }

    private static FindingView toView(FindingRecord f) {
        return new FindingView(f.policyId, f.policyVersion, f.ruleId, f.severity, f.category, f.direction, f.names,
                f.evidence, f.rationale, f.source, f.remediation);
    }
}
