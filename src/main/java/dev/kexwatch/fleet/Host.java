package dev.kexwatch.fleet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.jpa.HibernateHints;
import org.hibernate.type.SqlTypes;

/** A host of the inventory; (address, port) is its identity. */
@Entity
@Table(name = "host")
public class Host extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "host_seq")
    @SequenceGenerator(name = "host_seq", sequenceName = "host_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String address;

    @Column(nullable = false)
    public int port;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> labels = new HashMap<>();

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Host> findByAddress(String address, int port) {
        return find("address = ?1 and port = ?2", address, port).firstResultOptional();
    }

    /** A page of all hosts (enabled or not) carrying every label of the selector, in id order. */
    @SuppressWarnings("unchecked")
    public static List<Host> listAll(Map<String, String> selector, int page, int size) {
        return getEntityManager().createNativeQuery("select * from host where labels @> cast(?1 as jsonb) "
                + "order by id limit ?2 offset ?3", Host.class).setHint(HibernateHints.HINT_READ_ONLY, true)
                .setParameter(1, Labels.toJson(selector))
                .setParameter(2, size).setParameter(3, (long) page * size).getResultList();
    }

    public static long countAll(Map<String, String> selector) {
        return ((Number) getEntityManager().createNativeQuery("select count(*) from host where labels @> cast(?1 as jsonb)")
                .setParameter(1, Labels.toJson(selector)).getSingleResult()).longValue();
    }
}
