package dev.kexwatch.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A distinct deep result (every host key and group size a server showed), stored once however many share it. */
@Entity
@Table(name = "deep_result")
public class DeepResultRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "deep_result_seq")
    @SequenceGenerator(name = "deep_result_seq", sequenceName = "deep_result_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true)
    public byte[] sha256;

    @Column(name = "gex_algorithm", nullable = false)
    public String gexAlgorithm;
}
