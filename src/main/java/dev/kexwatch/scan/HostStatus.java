package dev.kexwatch.scan;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The latest state of a scanned host: the read model fleet reports and gauges query. */
@Entity
@Table(name = "host_status")
public class HostStatus extends PanacheEntityBase {

    @Id
    @Column(name = "host_id")
    public Long hostId;

    @Column(name = "observation_id", nullable = false)
    public long observationId;

    /** The offer of the current observation; null when the host did not answer. */
    @Column(name = "offer_id")
    public Long offerId;

    /** A {@link dev.kexwatch.report.HostState} name. */
    @Column(nullable = false)
    public String state;

    @Column(name = "worst_severity")
    public String worstSeverity;

    @Column(name = "finding_count", nullable = false)
    public int findingCount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> notes = List.of();

    @Column(nullable = false)
    public byte[] verdict;
}
