package dev.kexwatch.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
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

    /** A {@link dev.kexwatch.fleet.HostState} name. */
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

    /** The ids of the policies that judged the current observation (those that applied to the host then). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "judged_by", nullable = false)
    public List<String> judgedBy = List.of();

    /**
     * Optimistic lock: every update checks the version it read and bumps it, so a re-judge that read the row before
     * a scan stored a newer result fails (and is repeated on the new result) instead of overwriting it.
     */
    @Version
    @Column(nullable = false)
    public long version;
}
