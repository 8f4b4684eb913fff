package dev.kexwatch.fleet;

import dev.kexwatch.algorithm.OfferDiff;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.fleet.FleetSummary.RuleCount;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.probe.Identification;
import dev.kexwatch.web.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** History, drift, algorithm use, trends and the fleet summary. */
@ApplicationScoped
public class FleetQueries {

    @Inject
    EntityManager em;

    @Inject
    ComplianceQueries compliance;

    @Inject
    ReadCache cache;

    @Inject
    HostJudge policies;

    @Inject
    DeepStore deep;

    @Inject
    DeepQueries deepQueries;

    @Inject
    AuthMethodsReports auth;

    /** The latest compliance of a host with the lists it offered and its history, newest first. */
    @Transactional
    public Optional<HostDetail> host(long hostId) {
        return compliance.host(hostId).map(c -> {
            Optional<Observation> latest = history(hostId).stream().findFirst()
                    .map(h -> Observation.<Observation>findById(h.observationId()));
            Optional<StoredOffer> offer = latest.map(o -> o.offerId).map(FleetQueries::offer);
            Map<String, List<String>> lists = offer.map(o -> o.lists).orElse(Map.of());
            HostDetail.Remediation remediation = offer.map(o -> HostDetail.Remediation.of(policies.remediation(
                    new HostRef(c.address(), c.port(), c.labels()), o.toOffer(), software(latest.get()))))
                    .orElse(null);
            Optional<DeepResult> handshake = deep.current(hostId);
            return new HostDetail(c, lists, latest.map(o -> o.preIdentification).orElse(List.of()), history(hostId),
                    remediation, handshake.map(DeepViews::hostKeys).orElse(List.of()),
                    handshake.map(DeepViews::gex).orElse(List.of()),
                    auth.current(hostId, new HostRef(c.address(), c.port(), c.labels())));
        });
    }

    private static String software(Observation observation) {
        return observation.identification == null ? ""
                : new Identification(observation.identification, List.of()).softwareVersion();
    }

    @Transactional
    public List<HistoryEntry> history(long hostId) {
        return Observation.<Observation>list("hostId = ?1 order by id desc", hostId).stream()
                .map(o -> new HistoryEntry(o.id, o.firstScanId, o.lastScanId, o.seen, o.firstSeenAt, o.lastSeenAt,
                        o.outcome, o.identification, o.offerId))
                .toList();
    }

    /**
     * What changed for a host between two scans it was probed in; with no scans given, between its two
     * latest observations. Empty when the host or a scan is unknown to it.
     */
    @Transactional
    public Optional<Drift> drift(long hostId, Long fromScan, Long toScan) {
        Optional<Host> host = Host.findByIdOptional(hostId);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        List<Observation> runs = Observation.list("hostId = ?1 order by id desc", hostId);
        Optional<Observation> to = toScan == null ? runs.stream().findFirst() : Observation.covering(hostId, toScan);
        Optional<Observation> from = fromScan == null ? runs.stream().skip(1).findFirst().or(() -> to)
                : Observation.covering(hostId, fromScan);
        if (to.isEmpty() || from.isEmpty()) {
            return Optional.empty();
        }
        Drift drift = drift(host.get(), from.get(), to.get(), fromScan, toScan, auth.history(hostId));
        return Optional.of(drift.withHostKeys(fromScan == null && toScan == null ? deep.latestChanges(hostId)
                : deep.changes(hostId, drift.fromScan(), drift.toScan())));
    }

    /**
     * One page of the hosts whose result changed in a scan (default: the latest finished one), with their drift: a
     * new KEXINIT observation began in it, or the login methods probed after it changed.
     */
    @Transactional
    public Page<Drift> changes(Long scanId, int page, int size) {
        Optional<Long> scan = Optional.ofNullable(scanId).or(() -> ScanRun.latestFinished().map(r -> r.id));
        if (scan.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        long id = scan.get();
        // Hosts whose KEXINIT result or login methods changed with the scan, and hosts whose host keys changed in
        // the deep pass after it.
        Map<Long, List<HostKeyChange>> keys = new HashMap<>();
        deepQueries.hostKeyChanges(scan).forEach(c -> keys.put(c.hostId(), c.changes()));
        TreeSet<Long> changed = new TreeSet<>(keys.keySet());
        changed.addAll(auth.changedHosts(id));
        List<Long> hostIds = changed.stream().skip((long) page * size).limit(size).toList();
        return new Page<>(drifts(id, hostIds, keys), page, size, changed.size());
    }

    /**
     * The drift of a page's hosts, read for the page at once: its hosts, the observations that began with the scan,
     * the ones before them and the hosts' login-method runs. Read host by host, a page of 100 after a scan that
     * changed every host made ~500 statements; the page took 110-300 ms at 100,000 hosts.
     */
    private List<Drift> drifts(long scanId, List<Long> hostIds, Map<Long, List<HostKeyChange>> keys) {
        if (hostIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Host> hosts = new HashMap<>();
        Host.<Host>list("id in ?1", hostIds).forEach(h -> hosts.put(h.id, h));
        Map<Long, Observation> started = new HashMap<>();
        Observation.<Observation>list("hostId in ?1 and firstScanId = ?2 order by id", hostIds, scanId)
                .forEach(o -> started.putIfAbsent(o.hostId, o));
        Map<Long, Observation> before = new HashMap<>();
        before(hostIds, scanId).forEach(o -> before.put(o.hostId, o));
        Map<Long, List<AuthObservation>> logins = auth.histories(hostIds);
        List<Drift> drifts = new ArrayList<>();
        for (long hostId : hostIds) {
            Host host = hosts.get(hostId);
            if (host == null) { // removed from the inventory since the ids were read
                continue;
            }
            List<AuthObservation> runs = logins.getOrDefault(hostId, List.of());
            Observation began = started.get(hostId);
            Drift drift = began == null ? offerUnchanged(host, scanId, runs)
                    : started(host, began, before.get(hostId), runs);
            drifts.add(drift.withHostKeys(keys.getOrDefault(hostId, List.of())));
        }
        return drifts;
    }

    /** Each host's observation before the first that began with the scan (by id, as its history orders them). */
    @SuppressWarnings("unchecked")
    private List<Observation> before(List<Long> hostIds, long scanId) {
        return em.createNativeQuery("""
                select distinct on (o.host_id) o.* from observation o
                 where o.host_id in (:hosts) and o.id < (select min(s.id) from observation s
                                                          where s.host_id = o.host_id and s.first_scan_id = :scan)
                 order by o.host_id, o.id desc""", Observation.class)
                .setParameter("hosts", hostIds).setParameter("scan", scanId).getResultList();
    }

    private Drift started(Host host, Observation started, Observation before, List<AuthObservation> logins) {
        return before != null ? drift(host, before, started, before.lastScanId, started.firstScanId, logins)
                : new Drift(host.id, host.address, host.port, null, started.firstScanId, null, started.outcome,
                        Drift.Software.of(null, started.identification), Map.of(),
                        AuthMethodsReports.changedWith(logins, started.firstScanId));
    }

    /** The offer stayed as it was; the login methods or the host keys changed with the scan. */
    private Drift offerUnchanged(Host host, long scanId, List<AuthObservation> logins) {
        Optional<Observation> current = Observation.covering(host.id, scanId);
        String outcome = current.map(o -> o.outcome).orElse(null);
        String identification = current.map(o -> o.identification).orElse(null);
        return new Drift(host.id, host.address, host.port, scanId, scanId, outcome, outcome,
                Drift.Software.of(identification, identification), Map.of(),
                AuthMethodsReports.changedWith(logins, scanId));
    }

    /**
     * Hosts whose latest offer contains the name, in any list. Offers are few and shared, so the offers with
     * the name are found first, then the hosts currently offering one of them (indexed).
     */
    @Transactional
    public Page<AlgorithmUse> offering(String name, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> offers = em.createNativeQuery("""
                select f.id, string_agg(l.list, ',' order by l.list) from offer f, jsonb_each(f.lists) l(list, names)
                 where jsonb_exists(l.names, :name) group by f.id""").setParameter("name", name).getResultList();
        if (offers.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        Map<Long, List<String>> listsByOffer = new LinkedHashMap<>();
        offers.forEach(o -> listsByOffer.put(((Number) o[0]).longValue(), List.of(((String) o[1]).split(","))));
        long total = cache.get("offering " + name, () -> ((Number) em.createNativeQuery("""
                select count(*) from host_status s join host h on h.id = s.host_id
                 where h.enabled and s.offer_id in (:offers)""")
                .setParameter("offers", List.copyOf(listsByOffer.keySet())).getSingleResult()).longValue());
        // The page's hosts picked from host_status and host alone, then only they joined with their observation
        // (as ComplianceQueries.hosts does): the offset no longer walks three joins (page 50: 14 -> 6 ms).
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select h.id, h.address, h.port, s.offer_id, o.last_scan_id, o.last_seen_at
                  from (select s.host_id from host_status s join host h on h.id = s.host_id
                         where h.enabled and s.offer_id in (:offers) order by s.host_id limit :size offset :offset) p
                  join host h on h.id = p.host_id join host_status s on s.host_id = p.host_id
                  join observation o on o.id = s.observation_id
                 order by h.id""")
                .setParameter("offers", List.copyOf(listsByOffer.keySet())).setParameter("size", size)
                .setParameter("offset", (long) page * size).getResultList();
        List<AlgorithmUse> items = rows.stream().map(r -> new AlgorithmUse(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).intValue(), listsByOffer.get(((Number) r[3]).longValue()), ((Number) r[4]).longValue(),
                ComplianceQueries.instant(r[5]))).toList();
        return new Page<>(items, page, size, total);
    }

    /** The last {@code scans} finished scans, oldest first. */
    @Transactional
    public List<TrendPoint> trends(int scans) {
        List<ScanRun> runs = ScanRun.<ScanRun>find("status = ?1 order by startedAt desc", ScanRun.Status.finished)
                .page(0, scans).list();
        List<TrendPoint> points = new ArrayList<>(runs.stream()
                .map(r -> new TrendPoint(r.id, r.selector, r.total, r.fleetHosts, r.startedAt, r.finishedAt,
                        Map.copyOf(r.summary))).toList());
        java.util.Collections.reverse(points);
        return points;
    }

    /** The fleet at a glance; {@code groupBy} is a label key to break states down by. */
    @Transactional
    public FleetSummary summary(String groupBy) {
        return cache.get("summary " + groupBy, () -> computeSummary(groupBy));
    }

    private FleetSummary computeSummary(String groupBy) {
        Map<String, Long> byState = new LinkedHashMap<>();
        compliance.stateCounts().forEach((state, n) -> byState.put(state.name(), n));
        long hosts = byState.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> bySeverity = counts("""
                select s.worst_severity, count(*) from host_status s join host h on h.id = s.host_id
                 where h.enabled and s.worst_severity is not null group by 1""");
        Map<String, Long> byPolicy = counts("""
                select f.policy_id, count(distinct s.host_id) from host_status s
                  join host h on h.id = s.host_id join finding f on f.observation_id = s.observation_id
                 where h.enabled and f.waiver is null group by 1""");
        @SuppressWarnings("unchecked")
        List<Object[]> rules = em.createNativeQuery("""
                select f.policy_id, f.rule_id, f.severity, count(distinct s.host_id) from host_status s
                  join host h on h.id = s.host_id join finding f on f.observation_id = s.observation_id
                 where h.enabled and f.waiver is null group by 1, 2, 3 order by 4 desc, 1, 2""").getResultList();
        List<RuleCount> byRule = rules.stream().map(r -> new RuleCount((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue())).toList();
        Object[] dates = (Object[]) em.createNativeQuery("""
                select min(o.last_seen_at), max(o.last_seen_at) from host_status s
                  join host h on h.id = s.host_id join observation o on o.id = s.observation_id where h.enabled""")
                .getSingleResult();
        Optional<FleetSummary.ScanRef> latest = ScanRun.latestFinished().map(r -> new FleetSummary.ScanRef(r.id,
                r.selector, r.total, r.startedAt, r.finishedAt));
        return new FleetSummary(FleetSummary.DESCRIBES, latest.orElse(null), ComplianceQueries.instant(dates[0]),
                ComplianceQueries.instant(dates[1]), hosts, byState, bySeverity, byPolicy, byRule, byLabel(groupBy));
    }

    private Map<String, Map<String, Long>> byLabel(String key) {
        Map<String, Map<String, Long>> byLabel = new LinkedHashMap<>();
        if (key == null || key.isBlank()) {
            return byLabel;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select coalesce(h.labels ->> :key, ''), coalesce(s.state, :unscanned), count(*) from host h
                  left join host_status s on s.host_id = h.id where h.enabled group by 1, 2 order by 1, 2""")
                .setParameter("key", key).setParameter("unscanned", HostState.unscanned.name()).getResultList();
        rows.forEach(r -> byLabel.computeIfAbsent((String) r[0], v -> new LinkedHashMap<>())
                .put((String) r[1], ((Number) r[2]).longValue()));
        return byLabel;
    }

    private Map<String, Long> counts(String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    private Drift drift(Host host, Observation from, Observation to, Long fromScan, Long toScan,
            List<AuthObservation> logins) {
        ServerOffer before = Optional.ofNullable(from.offerId).map(FleetQueries::offer).map(StoredOffer::toOffer)
                .orElse(new ServerOffer(Map.of()));
        ServerOffer after = Optional.ofNullable(to.offerId).map(FleetQueries::offer).map(StoredOffer::toOffer)
                .orElse(new ServerOffer(Map.of()));
        long fromRef = fromScan != null ? fromScan : from.lastScanId;
        long toRef = toScan != null ? toScan : to.lastScanId;
        return new Drift(host.id, host.address, host.port, fromRef, toRef, from.outcome, to.outcome,
                Drift.Software.of(from.identification, to.identification),
                Drift.keyed(OfferDiff.between(before, after)),
                AuthMethodsReports.drift(logins, fromScan, toScan, fromRef, toRef));
    }

    private static StoredOffer offer(long id) {
        return StoredOffer.findById(id);
    }
}
