package dev.kexwatch.fleet;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A distinct set of ten KEXINIT name-lists, stored once however many results share it. */
@Entity
@Table(name = "offer")
public class StoredOffer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "offer_seq")
    @SequenceGenerator(name = "offer_seq", sequenceName = "offer_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, unique = true)
    public byte[] sha256;

    /** Keyed by {@link KexList#key()}, in wire order. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, List<String>> lists;

    static StoredOffer create(ServerOffer offer, byte[] digest) {
        StoredOffer stored = new StoredOffer();
        stored.sha256 = digest;
        stored.lists = toMap(offer);
        stored.persist();
        return stored;
    }

    public ServerOffer toOffer() {
        Map<KexList, List<String>> map = new EnumMap<>(KexList.class);
        for (KexList list : KexList.values()) {
            map.put(list, lists.getOrDefault(list.key(), List.of()));
        }
        return new ServerOffer(map);
    }

    static Map<String, List<String>> toMap(ServerOffer offer) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (KexList list : KexList.values()) {
            map.put(list.key(), offer.get(list));
        }
        return map;
    }

    /** Lists joined with commas, separated by newlines: unambiguous since names hold neither. */
    static byte[] digest(ServerOffer offer) {
        StringBuilder canonical = new StringBuilder();
        for (KexList list : KexList.values()) {
            canonical.append(offer.raw(list)).append('\n');
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
