package dev.kexwatch.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kexwatch.auth.AuthMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every statement on the login-method tables ({@code auth_observation}, {@code auth_probe_claim}): which hosts are
 * due for the probe, claiming them across replicas, storing answers as runs, and the reads of reports and metrics.
 */
@ApplicationScoped
public class AuthMethodRecords {

    /**
     * A host that may be probed: it answered its latest scan with an offer. {@code address} is the one that scan
     * connected to (already checked against the allow-list), so a name cannot resolve elsewhere in between.
     */
    public record Candidate(long hostId, String address, int port, long scanId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The methods a run allows, {@code none} standing for a user let in without a credential. */
    private static final String ALLOWED = "case when a.none_accepted then cast('[\"none\"]' as jsonb) else a.methods end";

    /** Hosts with a new observation in a scan, and hosts whose login methods changed with it. */
    private static final String CHANGED = """
            select o.host_id from observation o where o.first_scan_id = :scan
            union
            select a.host_id from auth_observation a where a.first_scan_id = :scan
               and exists (select 1 from auth_observation p where p.host_id = a.host_id and p.id < a.id)""";

    @Inject
    EntityManager em;

    /** Enabled hosts carrying every selector label whose latest result has an offer, in host id order. */
    @Transactional
    public List<Candidate> candidates(Map<String, String> selector) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select h.id, coalesce(o.resolved_address, h.address), h.port, o.last_scan_id from host h
                  join host_status s on s.host_id = h.id join observation o on o.id = s.observation_id
                 where h.enabled and s.offer_id is not null and h.labels @> cast(:selector as jsonb)
                 order by h.id""").setParameter("selector", json(selector)).getResultList();
        return rows.stream().map(r -> new Candidate(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).intValue(), ((Number) r[3]).longValue())).toList();
    }

    /**
     * Takes the host for one probe unless a replica took it after {@code dueBefore}: true when this call took it.
     * One statement, so two replicas asking at once cannot both win.
     */
    @Transactional
    public boolean claim(long hostId, Instant now, Instant dueBefore) {
        return em.createNativeQuery("""
                insert into auth_probe_claim (host_id, claimed_at) values (:host, :now)
                on conflict (host_id) do update set claimed_at = excluded.claimed_at
                 where auth_probe_claim.claimed_at <= :due""").setParameter("host", hostId).setParameter("now", now)
                .setParameter("due", dueBefore).executeUpdate() == 1;
    }

    /** Extends the host's latest run when the answer is the same, else starts a new one; clears the last error. */
    @Transactional
    public AuthObservation store(long hostId, long scanId, AuthMethods answer, Instant at) {
        setError(hostId, null);
        Optional<AuthObservation> latest = latest(hostId).filter(run -> run.sameAs(answer));
        if (latest.isPresent()) {
            latest.get().extend(scanId, at);
            return latest.get();
        }
        AuthObservation run = new AuthObservation();
        run.begin(hostId, scanId, at);
        run.probeUser = answer.user();
        run.methods = answer.methods();
        run.noneAccepted = answer.noneAccepted();
        run.persist();
        return run;
    }

    /** The probe got no answer: the last one stays the host's current answer; {@code why} is kept to show. */
    @Transactional
    public void failed(long hostId, String why) {
        setError(hostId, why);
    }

    private void setError(long hostId, String error) {
        em.createNativeQuery("update auth_probe_claim set error = :error where host_id = :host")
                .setParameter("error", error).setParameter("host", hostId).executeUpdate();
    }

    /** Why the host's latest probe got no answer; empty after an answer. */
    @Transactional
    public Optional<String> error(long hostId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("select error from auth_probe_claim where host_id = :host")
                .setParameter("host", hostId).getResultList();
        return rows.stream().filter(e -> e != null).findFirst();
    }

    @Transactional
    public Optional<AuthObservation> latest(long hostId) {
        return AuthObservation.<AuthObservation>find("hostId = ?1 order by id desc", hostId).firstResultOptional();
    }

    /** The runs of each host, newest first (hosts never probed are missing). */
    @Transactional
    public Map<Long, List<AuthObservation>> histories(Collection<Long> hostIds) {
        if (hostIds.isEmpty()) {
            return Map.of();
        }
        return AuthObservation.<AuthObservation>list("hostId in ?1 order by id desc", hostIds).stream()
                .collect(Collectors.groupingBy(run -> run.hostId, Collectors.toList()));
    }

    /** The hosts whose result changed with scan {@code scanId}: a new KEXINIT observation or new login methods began there. */
    @Transactional
    public List<Long> changedHosts(long scanId) {
        @SuppressWarnings("unchecked")
        List<Number> rows = em.createNativeQuery("select host_id from (" + CHANGED + ") c order by host_id")
                .setParameter("scan", scanId).getResultList();
        return rows.stream().map(Number::longValue).toList();
    }

    /**
     * Enabled hosts by the methods their latest answer allows ({@code none}: let in without a credential), every
     * name outside {@code known} counted as {@code other} (a host once per name).
     */
    @Transactional
    public Map<String, Long> hostsByMethod(List<String> known) {
        return methodCounts(known, "", Instant.EPOCH);
    }

    /**
     * Enabled hosts whose latest answer, first seen at or after {@code since}, allows a method their previous
     * answer did not: the method appeared on them.
     */
    @Transactional
    public Map<String, Long> appeared(List<String> known, Instant since) {
        return methodCounts(known, """
                 and a.first_seen_at >= :since and exists (select 1 from auth_observation p where p.id = (
                     select max(q.id) from auth_observation q where q.host_id = h.id and q.id < a.id)
                   and not jsonb_exists(case when p.none_accepted then cast('["none"]' as jsonb) else p.methods end,
                       m.method))""", since);
    }

    private Map<String, Long> methodCounts(List<String> known, String condition, Instant since) {
        var query = em.createNativeQuery("""
                select case when jsonb_exists(cast(:known as jsonb), m.method) then m.method else 'other' end,
                       count(distinct h.id)
                  from host h
                  join lateral (select * from auth_observation l where l.host_id = h.id order by l.id desc limit 1) a
                    on true
                 cross join lateral jsonb_array_elements_text(%s) m(method)
                 where h.enabled %s group by 1""".formatted(ALLOWED, condition)).setParameter("known", json(known));
        if (!condition.isEmpty()) {
            query.setParameter("since", since);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<String, Long> counts = new LinkedHashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }
}
