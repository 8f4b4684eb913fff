package dev.kexwatch.fleet;

import dev.kexwatch.policy.Finding;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A finding of a policy on one probe result. */
@Entity
@Table(name = "finding")
public class FindingRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "finding_seq")
    @SequenceGenerator(name = "finding_seq", sequenceName = "finding_seq", allocationSize = 50)
    public Long id;

    @Column(name = "observation_id", nullable = false)
    public long observationId;

    @Column(name = "policy_id", nullable = false)
    public String policyId;

    @Column(name = "policy_version", nullable = false)
    public String policyVersion;

    @Column(name = "rule_id", nullable = false)
    public String ruleId;

    @Column(nullable = false)
    public String severity;

    @Column(nullable = false)
    public String category;

    public String direction;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> names;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> evidence;

    @Column(nullable = false)
    public String rationale;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String remediation;

    /** The waiver that set this finding aside, if one is in force; such a finding does not count. */
    public String waiver;

    static FindingRecord of(long observationId, String policyVersion, Finding finding, String waiver) {
        FindingRecord record = new FindingRecord();
        record.observationId = observationId;
        record.waiver = waiver;
        record.policyId = finding.policyId();
        record.policyVersion = policyVersion;
        record.ruleId = finding.ruleId();
        record.severity = finding.severity().id();
        record.category = finding.category().id();
        record.direction = finding.direction().map(d -> d.id()).orElse(null);
        record.names = finding.names();
        record.evidence = finding.evidence();
        record.rationale = finding.rationale();
        record.source = finding.source();
        record.remediation = finding.remediation();
        return record;
    }
}
