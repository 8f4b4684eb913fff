package dev.kexwatch.fleet;

import dev.kexwatch.fleet.DeepFleetViews.Counts;
import dev.kexwatch.fleet.DeepFleetViews.ExpiringCertificate;
import dev.kexwatch.fleet.DeepFleetViews.GroupSize;
import dev.kexwatch.fleet.DeepFleetViews.HostAt;
import dev.kexwatch.fleet.DeepFleetViews.HostKeyChanges;
import dev.kexwatch.fleet.DeepFleetViews.KeySize;
import dev.kexwatch.fleet.DeepFleetViews.SharedHostKey;
import dev.kexwatch.fleet.DeepFleetViews.Sizes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side of the deep-handshake tables: the fleet views and the metrics' counts, over enabled hosts. */
@ApplicationScoped
@Transactional
public class DeepQueries {

    /** NIST SP 800-57 Part 1: RSA below 2048 bits is weak (the baseline's high rule); DSA is weak at any size. */
    static final int RSA_MIN_BITS = 2048;

    /** Every enabled host's current host keys, one row per exchange that read a key. */
    private static final String CURRENT_KEYS = "with current_key as (select h.id as host_id, h.address, h.port, "
            + "k.algorithm, k.key_type, k.bits, k.fingerprint, k.certificate, k.cert_valid_before "
            + "from host_deep d join deep_observation o on o.id = d.deep_observation_id "
            + "join deep_host_key k on k.deep_result_id = o.deep_result_id join host h on h.id = d.host_id "
            + "where h.enabled and k.fingerprint is not null) ";

    @Inject
    EntityManager em;

    @Inject
    DeepStore store;

    public List<SharedHostKey> sharedHostKeys() {
        List<Tuple> rows = tuples(CURRENT_KEYS + "select distinct fingerprint, key_type, bits, host_id, address, port "
                + "from current_key where fingerprint in (select fingerprint from current_key group by fingerprint "
                + "having count(distinct address) > 1) order by fingerprint, host_id", Map.of());
        Map<String, SharedHostKey> keys = new LinkedHashMap<>();
        for (Tuple row : rows) {
            keys.computeIfAbsent(text(row, "fingerprint"), f -> new SharedHostKey(f, text(row, "key_type"),
                    number(row, "bits"), new ArrayList<>())).hosts().add(host(row));
        }
        return List.copyOf(keys.values());
    }

    /** Hosts whose keys changed in the deep pass after a scan (default: the latest scan a deep pass ran after). */
    public List<HostKeyChanges> hostKeyChanges(Optional<Long> scan) {
        Optional<Long> scanId = scan.or(this::lastDeepScan);
        if (scanId.isEmpty()) {
            return List.of();
        }
        // Each run the pass started, with the run before it: one statement, however many hosts the pass saw.
        List<Tuple> started = tuples("select h.id as host_id, h.address, h.port, o.deep_result_id as after_id, "
                + "p.deep_result_id as before_id from deep_observation o join host h on h.id = o.host_id "
                + "join lateral (select b.deep_result_id from deep_observation b where b.host_id = o.host_id "
                + "and b.id <> o.id and b.first_scan_id <= o.first_scan_id order by b.first_scan_id desc, b.id desc "
                + "limit 1) p on true where o.first_scan_id = :scan and o.deep_result_id <> p.deep_result_id "
                + "order by h.id", Map.of("scan", scanId.get()));
        List<HostKeyChanges> changes = new ArrayList<>();
        for (Tuple row : started) {
            List<HostKeyChange> changed = HostKeyChange.between(store.load(count(row, "before_id")),
                    store.load(count(row, "after_id")));
            if (!changed.isEmpty()) {
                HostAt host = host(row);
                changes.add(new HostKeyChanges(host.hostId(), host.address(), host.port(), scanId.get(), changed));
            }
        }
        return changes;
    }

    public Sizes sizes() {
        List<KeySize> keys = tuples(CURRENT_KEYS + "select key_type, bits, count(distinct host_id) as hosts "
                + "from current_key group by key_type, bits order by key_type, bits", Map.of()).stream()
                .map(r -> new KeySize(text(r, "key_type"), number(r, "bits"), count(r, "hosts"))).toList();
        List<GroupSize> groups = tuples("select g.bits, count(distinct d.host_id) as hosts from host_deep d "
                + "join deep_observation o on o.id = d.deep_observation_id "
                + "join deep_gex_group g on g.deep_result_id = o.deep_result_id join host h on h.id = d.host_id "
                + "where h.enabled and g.bits is not null group by g.bits order by g.bits", Map.of()).stream()
                .map(r -> new GroupSize(number(r, "bits"), count(r, "hosts"))).toList();
        return new Sizes(keys, groups);
    }

    /** Certificates expired at {@code now} or expiring before {@code now + days}, soonest first. */
    public List<ExpiringCertificate> expiringCertificates(Instant now, int days) {
        return tuples(CURRENT_KEYS + "select host_id, address, port, algorithm, fingerprint, "
                + "cast(certificate as text) as certificate from current_key where cert_valid_before < :until "
                + "order by cert_valid_before, host_id", Map.of("until", now.plusSeconds(days * 86_400L))).stream()
                .map(r -> new ExpiringCertificate(count(r, "host_id"), text(r, "address"), number(r, "port"),
                        text(r, "algorithm"), text(r, "fingerprint"),
                        DeepViews.parseCertificate(text(r, "certificate"))))
                .toList();
    }

    public Counts counts() {
        long shared = count(tuples(CURRENT_KEYS + "select count(distinct host_id) as hosts from current_key "
                + "where fingerprint in (select fingerprint from current_key group by fingerprint "
                + "having count(distinct address) > 1)", Map.of()).get(0), "hosts");
        long weak = count(tuples(CURRENT_KEYS + "select count(distinct host_id) as hosts from current_key "
                + "where key_type = :dsa or (key_type = :rsa and bits < :rsaMin)",
                Map.of("dsa", "ssh-dss", "rsa", "ssh-rsa", "rsaMin", RSA_MIN_BITS)).get(0), "hosts");
        return new Counts(shared, hostKeyChanges(Optional.empty()).size(), weak);
    }

    private Optional<Long> lastDeepScan() {
        return Optional.ofNullable(em.createQuery("select max(o.lastScanId) from DeepObservation o", Long.class)
                .getSingleResult());
    }

    @SuppressWarnings("unchecked")
    private List<Tuple> tuples(String sql, Map<String, Object> parameters) {
        var query = em.createNativeQuery(sql, Tuple.class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    private static HostAt host(Tuple row) {
        return new HostAt(count(row, "host_id"), text(row, "address"), number(row, "port"));
    }

    private static String text(Tuple row, String column) {
        return (String) row.get(column);
    }

    private static int number(Tuple row, String column) {
        return ((Number) row.get(column)).intValue();
    }

    private static long count(Tuple row, String column) {
        return ((Number) row.get(column)).longValue();
    }
}
