package dev.kexwatch.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A run of identical deep results of one host, from the deep pass after scan {@code firstScanId} to {@code lastScanId}. */
@Entity
@Table(name = "deep_observation")
public class DeepObservation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deep_observation_seq")
    @SequenceGenerator(name = "deep_observation_seq", sequenceName = "deep_observation_seq", allocationSize = 50)
    public Long id;

    @Column(name = "host_id", nullable = false)
    public long hostId;

    @Column(name = "deep_result_id", nullable = false)
    public long deepResultId;

    @Column(name = "first_scan_id", nullable = false)
    public long firstScanId;

    @Column(name = "last_scan_id", nullable = false)
    public long lastScanId;

    public int seen;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    static DeepObservation start(long hostId, long resultId, long scanId, Instant at) {
        DeepObservation o = new DeepObservation();
        o.hostId = hostId;
        o.deepResultId = resultId;
        o.firstScanId = scanId;
        o.lastScanId = scanId;
        o.seen = 1;
        o.firstSeenAt = at;
        o.lastSeenAt = at;
        o.persist();
        return o;
    }

    void extend(long scanId, Instant at) {
        lastScanId = scanId;
        lastSeenAt = at;
        seen++;
    }
}
