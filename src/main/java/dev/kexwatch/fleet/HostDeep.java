package dev.kexwatch.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A host's current deep run and when its next deep handshake is due. */
@Entity
@Table(name = "host_deep")
public class HostDeep extends PanacheEntityBase {

    @Id
    @Column(name = "host_id")
    public Long hostId;

    @Column(name = "deep_observation_id")
    public Long deepObservationId;

    @Column(name = "next_due_at", nullable = false)
    public Instant nextDueAt;
}
