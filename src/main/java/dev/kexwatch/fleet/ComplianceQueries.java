package dev.kexwatch.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kexwatch.fleet.HostCompliance.FindingView;
import dev.kexwatch.policy.Severity;
import dev.kexwatch.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
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

    /** Filters of host lists; null fields do not filter. {@code text}: part of {@code address:port} or of a label. */
    public record HostFilter(Map<String, String> labels, HostState state, String minSeverity, String text) {

        public static final HostFilter ALL = new HostFilter(Map.of(), null, null);

        public HostFilter(Map<String, String> labels, HostState state, String minSeverity) {
            this(labels, state, minSeverity, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() {};
    private static final String BRIEF_FINDINGS = "select observation_id, policy_id, policy_version, rule_id, "
            + "severity, category, direction, cast(names as text), waiver";
    private static final String FULL_FINDINGS =
            BRIEF_FINDINGS + ", cast(evidence as text), rationale, source, remediation";
    private static final String STATUS_JOINS =
            " left join host_status s on s.host_id = h.id left join observation o on o.id = s.observation_id";
    private static final String JOINS = " from host h" + STATUS_JOINS;
    private static final String COLUMNS = """
            select h.id, h.address, h.port, cast(h.labels as text), coalesce(s.state, :unscanned),
                   s.worst_severity, o.outcome, o.detail, o.identification, o.last_scan_id, o.last_seen_at,
                   o.id, cast(s.notes as text)
            """;

    @Inject
    EntityManager em;

    @Inject
    ReadCache cache;

    /**
     * One page of hosts with their latest compliance, in host id order. The page's hosts are picked from host
     * and host_status alone (PostgreSQL drops the unused join when only labels filter), and only they are
     * joined with their observation: an offset walks two primary keys, not three joins.
     */
    @Transactional
    public Page<HostCompliance> hosts(HostFilter filter, int page, int size) {
        Labels.planPerSelector(em);
        String where = where(filter);
        String pageIds = "select h.id from host h left join host_status s on s.host_id = h.id" + where
                + " order by h.id limit :size offset :offset";
        Query rows = bind(em.createNativeQuery(COLUMNS + " from (" + pageIds + ") p join host h on h.id = p.id"
                + STATUS_JOINS + " order by h.id"), filter)
                .setParameter("unscanned", HostState.unscanned.name()).setParameter("size", size).setParameter("offset", (long) page * size);
        @SuppressWarnings("unchecked")
        List<Object[]> result = rows.getResultList();
        Map<Long, List<FindingView>> findings = findingsOf(
                result.stream().filter(r -> r[11] != null).map(r -> ((Number) r[11]).longValue()).toList(), false);
        List<HostCompliance> items = result.stream().map(r -> toView(r, findings)).toList();
        long total = cache.get("hosts " + filter, () -> {
            Labels.planPerSelector(em); // again: a refresh runs in a transaction of its own
            return ((Number) bind(em.createNativeQuery("select count(*)" + JOINS + where), filter).getSingleResult())
                    .longValue();
        });
        return new Page<>(items, page, size, total);
    }

    /** The latest compliance of one host; empty for an unknown host. */
    @Transactional
    public Optional<HostCompliance> host(long hostId) {
        @SuppressWarnings("unchecked")
        List<Object[]> result = em.createNativeQuery(COLUMNS + JOINS + " where h.id = :id").setParameter("id", hostId)
                .setParameter("unscanned", HostState.unscanned.name()).getResultList();
        if (result.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = result.get(0);
        List<Long> observation = row[11] == null ? List.of() : List.of(((Number) row[11]).longValue());
        return Optional.of(toView(row, findingsOf(observation, true)));
    }

    /**
     * Every enabled host carrying the labels with the result it had in a scan: the observation covering the scan
     * (outcome, identification, findings in full), or none when the host was not probed in it. {@code state}
     * and {@code compliant} are left to the caller, who knows which policy it reports on.
     */
    @Transactional
    public List<HostCompliance> atScan(long scanId, Map<String, String> labels) {
        String where = labels.isEmpty() ? " where h.enabled" : " where h.enabled and h.labels @> cast(:labels as jsonb)";
        Query query = em.createNativeQuery("select h.id, h.address, h.port, cast(h.labels as text), "
                + "cast(:unscanned as text), null, o.outcome, o.detail, o.identification, o.last_scan_id, o.last_seen_at, o.id, null from host h"
                + " left join observation o on o.host_id = h.id and o.first_scan_id <= :scan and o.last_scan_id >= :scan"
                + where + " order by h.id").setParameter("scan", scanId)
                .setParameter("unscanned", HostState.unscanned.name());
        if (!labels.isEmpty()) {
            query.setParameter("labels", toJson(labels));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, List<FindingView>> findings = findingsOf(
                rows.stream().filter(r -> r[11] != null).map(r -> ((Number) r[11]).longValue()).toList(), true);
        return rows.stream().map(r -> toView(r, findings)).toList();
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
                select coalesce(s.state, :unscanned), count(*) from host h
                  left join host_status s on s.host_id = h.id where h.enabled group by 1""")
                .setParameter("unscanned", HostState.unscanned.name()).getResultList();
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
            // A plain list, not a rank computed per row: PostgreSQL then knows from its statistics (and the
            // index) that, say, no host is at high or worse, instead of reading every host's status to find out.
            where.append(" and s.worst_severity in (:severities)");
        }
        if (filter.text() != null) {
            where.append(" and (h.address || ':' || h.port ilike :text or cast(h.labels as text) ilike :text)");
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
            query.setParameter("severities", atLeast(filter.minSeverity()));
        }
        if (filter.text() != null) {
            // LIKE's wildcards in the text are meant literally (backslash is PostgreSQL's default escape).
            query.setParameter("text", "%" + filter.text().replaceAll("[\\\\%_]", "\\\\$0") + "%");
        }
        return query;
    }

    /** The ids of the severities at least as bad as the given one. */
    static List<String> atLeast(String severity) {
        Severity min = Severity.fromId(severity).orElseThrow(() -> new IllegalArgumentException(
                "severity '" + severity + "' is not one of info, low, medium, high, critical"));
        return Arrays.stream(Severity.values()).filter(s -> s.compareTo(min) >= 0).map(Severity::id).toList();
    }

    /**
     * The findings of observations, read as plain rows: a page of 100 hosts loaded as entities spent more time
     * in Hibernate's bookkeeping than in the query. Brief ones (for host lists) leave out evidence, rationale,
     * source and remediation, which come with the host itself.
     */
    private Map<Long, List<FindingView>> findingsOf(List<Long> observationIds, boolean full) {
        if (observationIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery((full ? FULL_FINDINGS : BRIEF_FINDINGS)
                + " from finding where observation_id in (:ids) order by id").setParameter("ids", observationIds)
                .getResultList();
        return rows.stream().collect(Collectors.groupingBy(r -> ((Number) r[0]).longValue(),
                Collectors.mapping(r -> findingView(r, full), Collectors.toList())));
    }

    private static FindingView findingView(Object[] r, boolean full) {
        return new FindingView((String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], fromJson((String) r[7], STRINGS), full ? fromJson((String) r[9], STRINGS) : null,
                full ? (String) r[10] : null, full ? (String) r[11] : null, full ? (String) r[12] : null,
                (String) r[8]);
    }

    private static HostCompliance toView(Object[] r, Map<Long, List<FindingView>> findings) {
        HostState state = HostState.valueOf((String) r[4]);
        List<FindingView> all = r[11] == null ? List.of()
                : findings.getOrDefault(((Number) r[11]).longValue(), List.of());
        Map<Boolean, List<FindingView>> waived = all.stream()
                .collect(Collectors.partitioningBy(f -> f.waiver() != null));
        return new HostCompliance(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).intValue(),
                fromJson((String) r[3], LABELS), state, state == HostState.compliant, (String) r[5], (String) r[6],
                (String) r[7], (String) r[8], r[9] == null ? null : ((Number) r[9]).longValue(), instant(r[10]),
                waived.get(false), waived.get(true), r[12] == null ? List.of() : fromJson((String) r[12], STRINGS));
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
