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

/** A client profile added over REST or imported from the profiles file, shared by every replica. */
@Entity
@Table(name = "client_profile")
public class StoredProfile extends PanacheEntityBase {

    /** Origins: imported from the profiles file, or added over REST. */
    public static final String FILE = "file";
    public static final String API = "api";

    @Id
    public String id;

    /** {@link #FILE} or {@link #API}. */
    @Column(nullable = false)
    public String origin = API;

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

    static StoredProfile of(ClientProfile profile, String origin, Instant at) {
        StoredProfile stored = new StoredProfile();
        stored.id = profile.id();
        stored.origin = origin;
        stored.name = profile.name();
        stored.version = profile.version();
        stored.source = profile.source();
        stored.lists = new LinkedHashMap<>();
        ClientProfile.NEGOTIATED.forEach(list -> stored.lists.put(list.key(), profile.get(list)));
        stored.addedAt = at;
        return stored;
    }

    /** Same origin and same content (the time it was added aside). */
    boolean sameAs(StoredProfile other) {
        return origin.equals(other.origin) && name.equals(other.name) && version.equals(other.version)
                && source.equals(other.source) && lists.equals(other.lists);
    }

    /** Becomes the other: its origin and content, from the time it was added. */
    void take(StoredProfile other) {
        origin = other.origin;
        name = other.name;
        version = other.version;
        source = other.source;
        lists = other.lists;
        addedAt = other.addedAt;
    }

    ClientProfile toProfile() {
        Map<KexList, List<String>> map = new EnumMap<>(KexList.class);
        for (KexList list : KexList.values()) {
            map.put(list, lists.getOrDefault(list.key(), List.of()));
        }
        return new ClientProfile(id, name, version, source, map);
    }
}
