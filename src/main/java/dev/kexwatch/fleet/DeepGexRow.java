package dev.kexwatch.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One group-size request of a deep result and the prime size the server answered (null: none). */
@Entity
@Table(name = "deep_gex_group")
@IdClass(DeepRowKey.class)
public class DeepGexRow extends PanacheEntityBase {

    @Id
    @Column(name = "deep_result_id")
    public Long deepResultId;

    @Id
    public Integer ordinal;

    @Column(name = "min_bits", nullable = false)
    public int minBits;

    @Column(name = "preferred_bits", nullable = false)
    public int preferredBits;

    @Column(name = "max_bits", nullable = false)
    public int maxBits;

    public Integer bits;

    /** A {@link dev.kexwatch.hostkey.DeepOutcome} name. */
    @Column(nullable = false)
    public String outcome;
}
