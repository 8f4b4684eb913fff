package dev.kexwatch.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.fleet.FleetRows.FindingKey;
import dev.kexwatch.fleet.FleetRows.HostRow;
import dev.kexwatch.fleet.FleetRows.OkRun;
import dev.kexwatch.probe.ProbeOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every database read behind the metrics, in one class and in plain SQL over the tables of
 * {@code db/migration}: host, host_status (the current state of each host), observation (runs of identical
 * results), finding, offer and scan_run. Only the current state is read, never history, except one step back
 * for hosts whose current observation is new.
 */
@ApplicationScoped
public class MetricsQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> LABELS = new TypeReference<>() { };
    private static final TypeReference<Map<String, List<String>>> LISTS = new TypeReference<>() { };
    private static final TypeReference<Set<String>> POLICY_IDS = new TypeReference<>() { };

    /** Enabled hosts and their current observation. */
    private static final String HOSTS = """
            select h.id, h.address, h.port, h.labels::text, coalesce(s.state, :unscanned), o.offer_id,
                   coalesce(s.judged_by, '[]'::jsonb)::text
              from host h
              left join host_status s on s.host_id = h.id
              left join observation o on o.id = s.observation_id
             where h.enabled
             order by h.id""";

    /**
     * Every successful observation, newest first, of the enabled hosts with one that began since :since: only
     * those hosts can have had a weak algorithm appear within the window. Recent runs are found through the
     * scans started since then (indexed), not by reading all history.
     */
    private static final String RECENT_OK_RUNS = """
            select p.host_id, p.offer_id, p.first_seen_at from observation p join host h on h.id = p.host_id
             where h.enabled and p.outcome = :ok and p.offer_id is not null and p.host_id in (
                   select c.host_id from observation c
                    where c.outcome = :ok and c.first_seen_at >= :since
                      and c.first_scan_id in (select r.id from scan_run r where r.started_at >= :since))
             order by p.host_id, p.id desc""";

    /**
     * The latest finished scan that covered the fleet: at least :share of the hosts enabled when it began (a
     * label scan of a few hosts, or of none, says nothing about the rest, so it must not silence the staleness
     * alert). A scan of an empty fleet covers it.
     */
    private static final String LAST_SUCCESSFUL_SCAN = """
            select extract(epoch from max(finished_at)) from scan_run
             where status = :finished and fleet_hosts is not null
               and total >= ceil(cast(:share as numeric) * fleet_hosts) and (total > 0 or fleet_hosts = 0)""";

    /** Joins every enabled host's current observation to its unwaived findings. */
    private static final String CURRENT_FINDINGS = """
              from host_status s
              join host h on h.id = s.host_id
              join finding f on f.observation_id = s.observation_id
             where h.enabled and f.waiver is null""";

    @Inject
    EntityManager em;


    /**
     * The fleet now; a weak algorithm that appeared at or after {@code weakSince} counts as appeared; a scan
     * covered the fleet when it probed at least {@code successfulScanShare} of the hosts enabled when it began.
     */
    @Transactional
    public FleetRows read(Instant weakSince, double successfulScanShare) {
        Map<Long, Set<String>> failed = policiesFailed();
        Map<Long, List<OkRun>> recent = recentOkRuns(weakSince);
        List<HostRow> hosts = new ArrayList<>();
        for (Object[] r : rows(em.createNativeQuery(HOSTS).setParameter("unscanned", HostState.unscanned.name()))) {
            long id = number(r[0]);
            hosts.add(new HostRow(id, (String) r[1], (int) number(r[2]), json((String) r[3], LABELS),
                    HostState.valueOf((String) r[4]), optionalId(r[5]), recent.getOrDefault(id, List.of()),
                    failed.getOrDefault(id, Set.of()), json((String) r[6], POLICY_IDS)));
        }
        return new FleetRows(hosts, offers(hosts), findings(), lastSuccessfulScan(successfulScanShare), weakSince);
    }

    private Map<Long, List<OkRun>> recentOkRuns(Instant since) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(RECENT_OK_RUNS).setParameter("since", since)
                .setParameter("ok", ProbeOutcome.OK.name()).getResultList();
        Map<Long, List<OkRun>> runs = new HashMap<>();
        rows.forEach(r -> runs.computeIfAbsent(number(r[0]), id -> new ArrayList<>())
                .add(new OkRun(number(r[1]), instant(r[2]))));
        return runs;
    }

    private Map<Long, Set<String>> policiesFailed() {
        Map<Long, Set<String>> failed = new HashMap<>();
        for (Object[] r : rows("select distinct s.host_id, f.policy_id" + CURRENT_FINDINGS)) {
            failed.computeIfAbsent(number(r[0]), id -> new HashSet<>()).add((String) r[1]);
        }
        return failed;
    }

    private Map<FindingKey, Long> findings() {
        return rows("select f.policy_id, f.rule_id, f.severity, count(*)" + CURRENT_FINDINGS + " group by 1, 2, 3")
                .stream().collect(Collectors.toMap(r -> new FindingKey((String) r[0], (String) r[1], (String) r[2]),
                        r -> number(r[3])));
    }

    private Map<Long, ServerOffer> offers(List<HostRow> hosts) {
        Set<Long> ids = new HashSet<>();
        hosts.forEach(h -> {
            h.offerId().ifPresent(ids::add);
            h.okRuns().forEach(run -> ids.add(run.offerId()));
        });
        if (ids.isEmpty()) {
            return Map.of();
        }
        // One array parameter: a list of bind parameters would hit PostgreSQL's limit of 32767 on a big fleet.
        String array = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        List<Object[]> rows = em.createNativeQuery("select id, lists::text from offer where id = any(cast(:ids as bigint[]))")
                .setParameter("ids", array).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> number(r[0]), r -> offer(json((String) r[1], LISTS))));
    }

    private Optional<Instant> lastSuccessfulScan(double share) {
        Object epoch = em.createNativeQuery(LAST_SUCCESSFUL_SCAN).setParameter("share", share)
                .setParameter("finished", ScanRun.Status.finished.name()).getSingleResult();
        return Optional.ofNullable(epoch).map(e -> Instant.ofEpochMilli(Math.round(((Number) e).doubleValue() * 1000)));
    }

    /** Lists are stored keyed by {@link KexList#key()}. */
    private static ServerOffer offer(Map<String, List<String>> lists) {
        Map<KexList, List<String>> map = new EnumMap<>(KexList.class);
        for (KexList list : KexList.values()) {
            map.put(list, lists.getOrDefault(list.key(), List.of()));
        }
        return new ServerOffer(map);
    }

    private List<Object[]> rows(String sql) {
        return rows(em.createNativeQuery(sql));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(jakarta.persistence.Query query) {
        return query.getResultList();
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        return value instanceof java.sql.Timestamp ts ? ts.toInstant()
                : value instanceof java.time.OffsetDateTime odt ? odt.toInstant() : (Instant) value;
    }

    private static Optional<Long> optionalId(Object value) {
        return Optional.ofNullable(value).map(MetricsQueries::number);
    }

    private static <T> T json(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column: " + e.getOriginalMessage(), e);
        }
    }
}
