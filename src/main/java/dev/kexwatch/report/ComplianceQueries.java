package dev.kexwatch.report;

import dev.kexwatch.web.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kexwatch.report.HostCompliance.FindingView;
import dev.kexwatch.scan.FindingRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the latest compliance of hosts from the read model ({@code host_status} and the observation it
 * points at), never from history, so fleet reports stay fast at any number of scans.
 */
@ApplicationScoped
public class ComplianceQueries {

    /** Filters of host lists; null fields do not filter. */
    public record HostFilter(Map<String, String> labels, HostState state, String minSeverity) {

        public static final HostFilter ALL = new HostFilter(Map.of(), null, null);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SEVERITY_RANK =
            "case s.worst_severity when 'info' then 0 when 'low' then 1 when 'medium' then 2 when 'high' then 3 "
                    + "when 'critical' then 4 end";
    private static final String JOINS = """
             from host h
             left join host_status s on s.host_id = h.id
             left join observation o on o.id = s.observation_id""";
    private static final String COLUMNS = """
            select h.id, h.address, h.port, cast(h.labels as text), coalesce(s.state, 'unscanned'),
                   s.worst_severity, o.outcome, o.detail, o.identification, o.last_scan_id, o.last_seen_at,
                   o.id, cast(s.notes as text)""";

    @Inject
    EntityManager em;

    @Inject
    ReadCache cache;

    /** One page of hosts with their latest compliance, in host id order. */
    @Transactional
    public Page<HostCompliance> hosts(HostFilter filter, int page, int size) {
        String where = where(filter);
        Query count = bind(em.createNativeQuery("select count(*)" + JOINS + where), filter);
        Query rows = bind(em.createNativeQuery(COLUMNS + JOINS + where + " order by h.id limit :size offset :offset"),
                filter).setParameter("size", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        Map<Long, List<FindingRecord>> findings = findingsOf(
                result.stream().filter(r -> r[11] != null).map(r -> ((Number) r[11]).longValue()).toList());
        List<HostCompliance> items = result.stream().map(r -> brief(toView(r, findings))).toList();
        long total = cache.get("hosts " + filter, () -> ((Number) count.getSingleResult()).longValue());
        return new Page<>(items, page, size, total);
    }

    /** A list item: each finding without its evidence and remediation, which come with the host itself. */
    private static HostCompliance brief(HostCompliance h) {
        return new HostCompliance(h.hostId(), h.address(), h.port(), h.labels(), h.state(), h.compliant(),
                h.worstSeverity(), h.outcome(), h.detail(), h.identification(), h.scanId(), h.probedAt(),
                h.findings().stream().map(HostCompliance.FindingView::brief).toList(),
                h.waived().stream().map(HostCompliance.FindingView::brief).toList(), h.notes());
    }

    /** The latest compliance of one host; empty for an unknown host. */
    @Transactional
    public Optional<HostCompliance> host(long hostId) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery(COLUMNS + JOINS + " where h.id = :id").setParameter("id", hostId)
                .getResultList();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = result.get(0);
        List<Long> observation = row[11] == null ? List.of() : List.of(((Number) row[11]).longValue());
        return Optional.of(toView(row, findingsOf(observation)));
    }

    /** Enabled hosts per compliance state. */
    @Transactional
    public Map<HostState, Long> stateCounts() {
        Map<HostState, Long> counts = new EnumMap<>(HostState.class);
        for (HostState state : HostState.values()) {
            counts.put(state, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select coalesce(s.state, 'unscanned'), count(*) from host h
                  left join host_status s on s.host_id = h.id where h.enabled group by 1""").getResultList();
        rows.forEach(r -> counts.put(HostState.valueOf((String) r[0]), ((Number) r[1]).longValue()));
        return counts;
    }

    /** Only the filters in use, so the planner sees plain predicates and uses the label and state indexes. */
    private static String where(HostFilter filter) {
        StringBuilder where = new StringBuilder(" where h.enabled");
        if (!filter.labels().isEmpty()) {
            where.append(" and h.labels @> cast(:labels as jsonb)");
        }
        if (filter.state() == HostState.unscanned) {
            where.append(" and s.host_id is null");
        } else if (filter.state() != null) {
            where.append(" and s.state = :state");
        }
        if (filter.minSeverity() != null) {
            where.append(" and ").append(SEVERITY_RANK).append(" >= :minRank");
        }
        return where.toString();
    }

    private static Query bind(Query query, HostFilter filter) {
        if (!filter.labels().isEmpty()) {
            query.setParameter("labels", toJson(filter.labels()));
        }
        if (filter.state() != null && filter.state() != HostState.unscanned) {
            query.setParameter("state", filter.state().name());
        }
        if (filter.minSeverity() != null) {
            query.setParameter("minRank", rank(filter.minSeverity()));
        }
        return query;
    }

    static Integer rank(String severity) {
        return switch (severity) {
            case "info" -> 0;
            case "low" -> 1;
            case "medium" -> 2;
            case "high" -> 3;
            case "critical" -> 4;
            default -> throw new IllegalArgumentException(
                    "severity '" + severity + "' is not one of info, low, medium, high, critical");
        };
    }

    private static Map<Long, List<FindingRecord>> findingsOf(List<Long> observationIds) {
        if (observationIds.isEmpty()) {
            return Map.of();
        }
        List<FindingRecord> rows = FindingRecord.list("observationId in ?1 order by id", observationIds);
        return rows.stream().collect(Collectors.groupingBy(f -> f.observationId));
    }

    private static HostCompliance toView(Object[] r, Map<Long, List<FindingRecord>> findings) {
        HostState state = HostState.valueOf((String) r[4]);
        List<FindingRecord> all = r[11] == null ? List.of()
                : findings.getOrDefault(((Number) r[11]).longValue(), List.of());
        List<FindingView> counted = new ArrayList<>();
        List<FindingView> waived = new ArrayList<>();
        all.forEach(f -> (f.waiver == null ? counted : waived).add(toView(f)));
        return new HostCompliance(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(),
                fromJson((String) r[3], new TypeReference<Map<String, String>>() {}), state,
                state == HostState.compliant, (String) r[5], (String) r[6], (String) r[7], (String) r[8],
                r[9] == null ? null : ((Number) r[9]).longValue(), instant(r[10]), counted, waived,
                r[12] == null ? List.of() : fromJson((String) r[12], new TypeReference<List<String>>() {}));
    }

    static FindingView toView(FindingRecord f) {
        return new FindingView(f.policyId, f.policyVersion, f.ruleId, f.severity, f.category, f.direction, f.names,
                f.evidence, f.rationale, f.source, f.remediation, f.waiver);
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return (Instant) value;
    }

    static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T fromJson(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable: " + json, e);
        }
    }
}
