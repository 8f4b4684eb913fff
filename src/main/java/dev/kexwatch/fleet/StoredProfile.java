package dev.kexwatch.fleet;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.negotiation.ClientProfile;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A client profile added over REST, stored so it survives a restart. */
@Entity
@Table(name = "client_profile")
public class StoredProfile extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String version;

    @Column(nullable = false)
    public String source;

    /** Keyed by {@link KexList#key()}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, List<String>> lists;

    @Column(name = "added_at", nullable = false)
    public Instant addedAt;

    static StoredProfile of(ClientProfile profile, Instant at) {
        StoredProfile stored = new StoredProfile();
        stored.id = profile.id();
        stored.name = profile.name();
        stored.version = profile.version();
        stored.source = profile.source();
        stored.lists = new LinkedHashMap<>();
        ClientProfile.NEGOTIATED.forEach(list -> stored.lists.put(list.key(), profile.get(list)));
        stored.addedAt = at;
        return stored;
    }

    ClientProfile toProfile() {
        Map<KexList, List<String>> map = new EnumMap<>(KexList.class);
        for (KexList list : KexList.values()) {
            map.put(list, lists.getOrDefault(list.key(), List.of()));
        }
        return new ClientProfile(id, name, version, source, map);
    }
}
