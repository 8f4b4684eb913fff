package dev.kexwatch.fleet;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.policy.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code captured_client}; only {@link CapturedClients} reads and writes it. */
@Entity
@Table(name = "captured_client")
class CapturedClientEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String identification;

    @Column(nullable = false)
    String peer;

    @Column(nullable = false)
    String replica;

    /** Keyed by {@link KexList#key()}; jsonb keeps each list's order, not the keys' order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    Map<String, List<String>> lists;

    @Column(name = "policy_id", nullable = false)
    String policyId;

    @Column(nullable = false)
    boolean compliant;

    @Enumerated(EnumType.STRING)
    @Column(name = "worst_severity")
    Severity worstSeverity;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "finding_rules", nullable = false)
    List<String> findingRules;

    @Column(name = "captured_at", nullable = false)
    Instant capturedAt;

    static CapturedClientEntity of(CapturedClient client) {
        CapturedClientEntity row = new CapturedClientEntity();
        row.identification = client.identification();
        row.peer = client.peer();
        row.replica = client.replica();
        row.lists = new LinkedHashMap<>();
        for (KexList list : KexList.values()) {
            row.lists.put(list.key(), client.lists().get(list));
        }
        row.policyId = client.policyId();
        row.compliant = client.compliant();
        row.worstSeverity = client.worstSeverity().orElse(null);
        row.findingRules = client.findingRules();
        row.capturedAt = client.capturedAt();
        return row;
    }

    CapturedClient toValue() {
        Map<KexList, List<String>> map = new EnumMap<>(KexList.class);
        for (KexList list : KexList.values()) {
            map.put(list, lists.getOrDefault(list.key(), List.of()));
        }
        return new CapturedClient(id, identification, peer, replica, new ServerOffer(map), policyId, compliant,
                Optional.ofNullable(worstSeverity), findingRules, capturedAt);
    }
}
