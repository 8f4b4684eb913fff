package dev.kexwatch.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.hostkey.GexGroup;
import dev.kexwatch.hostkey.HostKey;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.probe.ProbeOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Owns the deep-handshake tables: stores each host's deep results as runs of identical results (a distinct result
 * stored once, like offers), hands out the cadence's claims, and reads results back for the policy engine.
 */
@ApplicationScoped
public class DeepStore {

    /** The advisory-lock class of interning deep results (the second key is the digest's first four bytes). */
    private static final int INTERN_LOCK = 0x6b786472;

    private static final ObjectMapper CANONICAL = new ObjectMapper();
    private static final int MAX_REMEMBERED = 10_000;

    /** Stored results never change (their id names their content), so a read one is kept. */
    private final Map<Long, DeepResult> loaded = new ConcurrentHashMap<>();

    /** What storing one deep handshake did: the host's result before it, when it differs from the new one. */
    public record Stored(long resultId, Optional<DeepResult> before) {

        public boolean changed() {
            return before.isPresent();
        }
    }

    /**
     * Claims the host's deep handshake for this cadence: true when it is due (never done, or {@code next_due_at}
     * not after {@code dueBy}), and then moves {@code next_due_at} to {@code nextDue} in the same statement, so
     * another replica's claim of the same host finds nothing due.
     */
    @Transactional
    public boolean claim(long hostId, Instant dueBy, Instant nextDue) {
        return HostDeep.getEntityManager().createNativeQuery("insert into host_deep (host_id, next_due_at) "
                + "values (?1, ?2) on conflict (host_id) do update set next_due_at = excluded.next_due_at "
                + "where host_deep.next_due_at <= ?3").setParameter(1, hostId).setParameter(2, nextDue)
                .setParameter(3, dueBy).executeUpdate() == 1;
    }

    /** Stores the deep handshake a host gave after scan {@code scanId}, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored record(long hostId, long scanId, Instant at, DeepResult deep) {
        long resultId = intern(deep);
        HostDeep state = HostDeep.<HostDeep>findByIdOptional(hostId).orElseGet(() -> {
            HostDeep created = new HostDeep();
            created.hostId = hostId;
            created.nextDueAt = at;
            created.persist();
            return created;
        });
        DeepObservation current = state.deepObservationId == null ? null
                : DeepObservation.findById(state.deepObservationId);
        if (current != null && current.deepResultId == resultId) {
            current.extend(scanId, at);
            return new Stored(resultId, Optional.empty());
        }
        state.deepObservationId = DeepObservation.start(hostId, resultId, scanId, at).id;
        return new Stored(resultId, Optional.ofNullable(current).map(o -> load(o.deepResultId)));
    }

    /** The current deep result of each of these hosts that has one. */
    public Map<Long, DeepResult> currentOf(Collection<Long> hostIds) {
        Map<Long, DeepResult> current = new HashMap<>();
        if (hostIds.isEmpty()) {
            return current;
        }
        DeepObservation.getEntityManager().createQuery("select new dev.kexwatch.fleet.HostResult(h.hostId, "
                + "o.deepResultId) from HostDeep h, DeepObservation o where o.id = h.deepObservationId "
                + "and h.hostId in :hosts", HostResult.class).setParameter("hosts", hostIds).getResultList()
                .forEach(r -> current.put(r.hostId(), load(r.resultId())));
        return current;
    }

    public Optional<DeepResult> current(long hostId) {
        return Optional.ofNullable(currentOf(List.of(hostId)).get(hostId));
    }

    /** The host's deep result as the deep passes up to scan {@code scanId} left it; empty before its first. */
    public Optional<DeepResult> asOf(long hostId, long scanId) {
        return DeepObservation.<DeepObservation>find("hostId = ?1 and firstScanId <= ?2 order by firstScanId desc, "
                + "id desc", hostId, scanId).firstResultOptional().map(o -> load(o.deepResultId));
    }

    /** Host-key changes between the host's deep results as of two scans; none when either side has no result. */
    public List<HostKeyChange> changes(long hostId, long fromScan, long toScan) {
        Optional<DeepResult> before = asOf(hostId, fromScan);
        Optional<DeepResult> after = asOf(hostId, toScan);
        return before.isPresent() && after.isPresent() ? HostKeyChange.between(before.get(), after.get()) : List.of();
    }

    /** Host-key changes between the host's two latest deep results; none before its second. */
    public List<HostKeyChange> latestChanges(long hostId) {
        List<DeepObservation> runs = DeepObservation.<DeepObservation>find("hostId = ?1 order by firstScanId desc, "
                + "id desc", hostId).page(0, 2).list();
        return runs.size() < 2 ? List.of()
                : HostKeyChange.between(load(runs.get(1).deepResultId), load(runs.get(0).deepResultId));
    }

    /** A stored result by id, read once. */
    public DeepResult load(long resultId) {
        DeepResult known = loaded.get(resultId);
        if (known != null) {
            return known;
        }
        DeepResultRow row = DeepResultRow.findById(resultId);
        List<HostKey> keys = DeepHostKeyRow.<DeepHostKeyRow>list("deepResultId = ?1 order by ordinal", resultId)
                .stream().map(DeepViews::hostKey).toList();
        List<GexGroup> groups = DeepGexRow.<DeepGexRow>list("deepResultId = ?1 order by ordinal", resultId)
                .stream().map(DeepViews::group).toList();
        DeepResult result = new DeepResult(keys, row.gexAlgorithm, groups);
        if (loaded.size() >= MAX_REMEMBERED) {
            loaded.clear();
        }
        loaded.put(resultId, result);
        return result;
    }

    private long intern(DeepResult deep) {
        byte[] digest = digest(deep);
        return stored(digest).orElseGet(() -> {
            // Hosts sharing one key (cloned images) share one result, and the deep pass stores hosts side by side:
            // the first to insert it holds this lock until commit, the others then find its row.
            DeepResultRow.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1, ?2)")
                    .setParameter(1, INTERN_LOCK).setParameter(2, ByteBuffer.wrap(digest).getInt())
                    .getSingleResult();
            return stored(digest).orElseGet(() -> create(deep, digest));
        });
    }

    private static Optional<Long> stored(byte[] digest) {
        return DeepResultRow.<DeepResultRow>find("sha256", (Object) digest).firstResultOptional().map(r -> r.id);
    }

    private static long create(DeepResult deep, byte[] digest) {
        DeepResultRow row = new DeepResultRow();
        row.sha256 = digest;
        row.gexAlgorithm = deep.gexAlgorithm();
        row.persist();
        List<DeepViews.HostKeyView> keys = DeepViews.hostKeys(deep);
        for (int i = 0; i < keys.size(); i++) {
            hostKeyRow(row.id, i, keys.get(i), deep.hostKeys().get(i)).persist();
        }
        for (int i = 0; i < deep.gex().size(); i++) {
            gexRow(row.id, i, deep.gex().get(i)).persist();
        }
        return row.id;
    }

    private static DeepHostKeyRow hostKeyRow(long resultId, int ordinal, DeepViews.HostKeyView view, HostKey key) {
        DeepHostKeyRow row = new DeepHostKeyRow();
        row.deepResultId = resultId;
        row.ordinal = ordinal;
        row.algorithm = view.algorithm();
        row.outcome = view.outcome();
        row.detail = view.detail();
        row.keyType = view.type();
        row.bits = view.bits();
        row.fingerprint = view.fingerprint();
        row.signatureVerified = view.signatureVerified();
        row.certificate = view.certificate();
        // Instant.MAX ("forever") is past what timestamptz holds: such a certificate never expires, so no date.
        row.certValidBefore = key.certificate().map(c -> c.validBefore())
                .filter(t -> t.isBefore(Instant.parse("9999-01-01T00:00:00Z"))).orElse(null);
        return row;
    }

    private static DeepGexRow gexRow(long resultId, int ordinal, GexGroup group) {
        DeepGexRow row = new DeepGexRow();
        row.deepResultId = resultId;
        row.ordinal = ordinal;
        row.minBits = group.min();
        row.preferredBits = group.preferred();
        row.maxBits = group.max();
        row.bits = group.bits().orElse(null);
        row.outcome = group.outcome().name();
        return row;
    }

    /**
     * The digest of what a reader cares about: every key, certificate and group, but not the outcome's words
     * ({@code detail}), which may name a passing circumstance and must not start a new run by itself.
     */
    static byte[] digest(DeepResult deep) {
        List<DeepViews.HostKeyView> keys = DeepViews.hostKeys(deep).stream()
                .map(k -> new DeepViews.HostKeyView(k.algorithm(), k.type(), k.bits(), k.fingerprint(),
                        k.signatureVerified(), k.certificate(), k.outcome(), ""))
                .toList();
        try {
            String canonical = CANONICAL.writeValueAsString(List.of(keys, DeepViews.gex(deep)));
            return MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("records of strings and numbers always serialise; SHA-256 exists", e);
        }
    }

    /** A host that answered in a scan: where it answered and what it offered. */
    public record Candidate(long hostId, HostRef ref, String resolvedAddress, ServerOffer offer) {
    }

    /** The hosts whose result in this scan carries an offer, with the address they answered on. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Candidate> answeredIn(long scanId) {
        List<Observation> answered = Observation.list("lastScanId = ?1 and outcome = ?2 and offerId is not null "
                + "and resolvedAddress is not null", scanId, ProbeOutcome.OK.name());
        if (answered.isEmpty()) {
            return List.of();
        }
        Map<Long, Host> hosts = Host.<Host>list("id in ?1 and enabled = true",
                answered.stream().map(o -> o.hostId).toList()).stream()
                .collect(Collectors.toMap(h -> h.id, h -> h));
        Map<Long, ServerOffer> offers = new HashMap<>();
        return answered.stream().filter(o -> hosts.containsKey(o.hostId)).map(o -> {
            Host host = hosts.get(o.hostId);
            return new Candidate(o.hostId, new HostRef(host.address, host.port, host.labels), o.resolvedAddress,
                    offers.computeIfAbsent(o.offerId, id -> StoredOffer.<StoredOffer>findById(id).toOffer()));
        }).toList();
    }
}
