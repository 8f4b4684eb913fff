package dev.kexwatch.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One scan of the inventory. */
@Entity
@Table(name = "scan_run")
public class ScanRun extends PanacheEntityBase {

    public enum Status {
        running, finished, cancelled, failed, interrupted
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scan_run_seq")
    @SequenceGenerator(name = "scan_run_seq", sequenceName = "scan_run_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String trigger;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Labels a host must carry to be scanned; empty for the whole inventory. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> selector = Map.of();

    public int total;

    /** Enabled hosts of the whole fleet when the run began: {@code total} of them says how much it covered. */
    @Column(name = "fleet_hosts")
    public Integer fleetHosts;

    public int done;

    /** Counts by outcome ({@code outcome.OK}) and by compliance state ({@code state.compliant}) at the end. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Long> summary = Map.of();

    /** A cancel was asked (on any replica): every replica working on the run stops taking hosts. */
    @Column(name = "cancel_requested")
    public boolean cancelRequested;

    /** For a scheduled run, the cron fire time: replicas' schedulers fire together, one run starts. */
    @Column(name = "scheduled_for")
    public Instant scheduledFor;

    public static Optional<ScanRun> running() {
        return find("status", Status.running).firstResultOptional();
    }

    public static Optional<ScanRun> latestFinished() {
        return find("status = ?1 order by startedAt desc", Status.finished).firstResultOptional();
    }
}
