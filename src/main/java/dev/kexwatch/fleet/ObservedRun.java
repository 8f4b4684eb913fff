package dev.kexwatch.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every run table shares (observation, deep_observation, auth_observation): identical answers of one host are
 * one row, from the scan it was first seen in to the last, with how often it was seen. Subclasses add the answer.
 */
@MappedSuperclass
public abstract class ObservedRun extends PanacheEntityBase {

    @Column(name = "host_id", nullable = false)
    public long hostId;

    @Column(name = "first_scan_id", nullable = false)
    public long firstScanId;

    @Column(name = "last_scan_id", nullable = false)
    public long lastScanId;

    public int seen;

    @Column(name = "first_seen_at", nullable = false)
    public Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    /** Makes this the first sighting of a new run. */
    void begin(long hostId, long scanId, Instant at) {
        this.hostId = hostId;
        this.firstScanId = scanId;
        this.lastScanId = scanId;
        this.seen = 1;
        this.firstSeenAt = at;
        this.lastSeenAt = at;
    }

    /** The same answer seen again; a late store of an older scan never moves the run back. */
    void extend(long scanId, Instant at) {
        lastScanId = Math.max(lastScanId, scanId);
        lastSeenAt = at;
        seen++;
    }
}
