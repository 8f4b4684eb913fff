package dev.kexwatch.fleet;

import dev.kexwatch.probe.Identification;
import dev.kexwatch.probe.ProbeResult;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A run of identical results of one host, from scan {@code firstScanId} to {@code lastScanId}. A new row
 * starts only when something a reader cares about changes: the outcome, the offer, or the software version.
 */
@Entity
@Table(name = "observation")
public class Observation extends ObservedRun {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "observation_seq")
    @SequenceGenerator(name = "observation_seq", sequenceName = "observation_seq", allocationSize = 50)
    public Long id;

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

    static Observation start(long scanId, long hostId, ProbeResult result, Long offerId) {
        Observation o = new Observation();
        o.begin(hostId, scanId, result.startedAt());
        o.outcome = result.outcome().name();
        o.detail = result.detail();
        o.identification = result.identification().map(Identification::line).orElse(null);
        o.preIdentification = result.identification().map(Identification::preIdentificationLines).orElse(List.of());
        o.resolvedAddress = result.resolvedAddress().orElse(null);
        o.offerId = offerId;
        return o;
    }

    /**
     * True when the result says nothing new. The identification comment is left out: tinysshd, for one, puts
     * a random token there on every connection.
     */
    boolean sameAs(ProbeResult result, Long otherOfferId) {
        String version = result.identification().map(Observation::version).orElse(null);
        String mine = identification == null ? null : version(new Identification(identification, List.of()));
        return outcome.equals(result.outcome().name()) && Objects.equals(offerId, otherOfferId)
                && Objects.equals(mine, version);
    }

    private static String version(Identification id) {
        return id.protocolVersion() + "-" + id.softwareVersion();
    }

    /** The observation of a host that covers a scan, if the host was probed in it. */
    public static java.util.Optional<Observation> covering(long hostId, long scanId) {
        return find("hostId = ?1 and firstScanId <= ?2 and lastScanId >= ?2 order by id desc", hostId, scanId)
                .firstResultOptional();
    }
}
