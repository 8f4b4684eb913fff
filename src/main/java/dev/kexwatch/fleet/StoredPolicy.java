package dev.kexwatch.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A policy in force, as the replicas share it: its YAML, and whether a file or the API put it there. */
@Entity
@Table(name = "policy_document")
public class StoredPolicy extends PanacheEntityBase {

    /** Imported from the policy directory: the next import replaces or removes it. */
    static final String FILE = "file";
    /** Installed over REST: imports leave it alone unless a file takes its id. */
    static final String API = "api";

    @Id
    public String id;

    @Column(nullable = false)
    public String origin;

    /** Where messages about the policy point: the file's path, or {@code posted policy}. */
    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public String yaml;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
