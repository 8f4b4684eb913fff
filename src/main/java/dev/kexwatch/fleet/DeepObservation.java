package dev.kexwatch.fleet;

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
public class DeepObservation extends ObservedRun {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deep_observation_seq")
    @SequenceGenerator(name = "deep_observation_seq", sequenceName = "deep_observation_seq", allocationSize = 50)
    public Long id;

    @Column(name = "deep_result_id", nullable = false)
    public long deepResultId;

    static DeepObservation start(long hostId, long resultId, long scanId, Instant at) {
        DeepObservation o = new DeepObservation();
        o.begin(hostId, scanId, at);
        o.deepResultId = resultId;
        o.persist();
        return o;
    }
}
