package dev.kexwatch.scan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What one probe of one host in one scan found. */
@Entity
@Table(name = "probe_result")
public class ProbeRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "probe_result_seq")
    @SequenceGenerator(name = "probe_result_seq", sequenceName = "probe_result_seq", allocationSize = 50)
    public Long id;

    @Column(name = "scan_id", nullable = false)
    public long scanId;

    @Column(name = "host_id", nullable = false)
    public long hostId;

    /** A {@link dev.kexwatch.probe.ProbeOutcome} name. */
    @Column(nullable = false)
    public String outcome;

    @Column(nullable = false)
    public String detail;

    public String identification;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "pre_identification", nullable = false)
    public List<String> preIdentification = List.of();

    @Column(name = "resolved_address")
    public String resolvedAddress;

    @Column(name = "offer_id")
    public Long offerId;

    @Column(name = "duration_ms", nullable = false)
    public int durationMs;

    @Column(name = "probed_at", nullable = false)
    public Instant probedAt;
}
