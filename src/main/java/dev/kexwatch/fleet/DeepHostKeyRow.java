package dev.kexwatch.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One host-key exchange of a deep result: the algorithm asked, how it ended and the key (null when none). */
@Entity
@Table(name = "deep_host_key")
@IdClass(DeepRowKey.class)
public class DeepHostKeyRow extends PanacheEntityBase {

    @Id
    @Column(name = "deep_result_id")
    public Long deepResultId;

    @Id
    public Integer ordinal;

    @Column(nullable = false)
    public String algorithm;

    /** A {@link dev.kexwatch.hostkey.DeepOutcome} name. */
    @Column(nullable = false)
    public String outcome;

    @Column(nullable = false)
    public String detail;

    @Column(name = "key_type")
    public String keyType;

    public Integer bits;

    public String fingerprint;

    @Column(name = "signature_verified", nullable = false)
    public boolean signatureVerified;

    @JdbcTypeCode(SqlTypes.JSON)
    public DeepViews.Certificate certificate;

    @Column(name = "cert_valid_before")
    public Instant certValidBefore;
}
