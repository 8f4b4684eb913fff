package dev.kexwatch.fleet;

import dev.kexwatch.negotiation.ClientProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every statement on table {@code client_profile}: the profiles added over REST and those imported from the
 * profiles file. Every change bumps the {@code profiles} generation in its transaction.
 */
@ApplicationScoped
public class ProfileStore {

    /** A stored profile and whether it came from the file or from REST. */
    public record Stored(ClientProfile profile, boolean fromFile) {
    }

    @Inject
    Generations generations;

    /** Stores profiles in the caller's transaction; a conflict with one another replica added at once fails here. */
    public void add(List<ClientProfile> profiles, Instant at) {
        profiles.forEach(p -> StoredProfile.of(p, StoredProfile.API, at).persist());
        StoredProfile.flush();
        generations.bump(Generations.Kind.profiles);
    }

    /** Removes a profile added over REST; false when there is none with that id. */
    public boolean remove(String id) {
        boolean removed = StoredProfile.delete("id = ?1 and origin = ?2", id, StoredProfile.API) > 0;
        if (removed) {
            generations.bump(Generations.Kind.profiles);
        }
        return removed;
    }

    /**
     * Makes the profiles of origin {@code file} those of the file: new and changed ones written, those gone from
     * it removed. A file takes over an id added over REST, as the policy directory does. True when anything changed.
     */
    @Transactional
    public boolean importFile(List<ClientProfile> profiles, Instant at) {
        int changed = 0;
        for (ClientProfile profile : profiles) {
            StoredProfile file = StoredProfile.of(profile, StoredProfile.FILE, at);
            Optional<StoredProfile> held = StoredProfile.findByIdOptional(profile.id());
            if (held.isEmpty()) {
                file.persist();
                changed++;
            } else if (!held.get().sameAs(file)) {
                held.get().take(file);
                changed++;
            }
        }
        List<String> ids = profiles.stream().map(ClientProfile::id).toList();
        changed += (int) (ids.isEmpty() ? StoredProfile.delete("origin", StoredProfile.FILE)
                : StoredProfile.delete("origin = ?1 and id not in ?2", StoredProfile.FILE, ids));
        if (changed > 0) {
            generations.bump(Generations.Kind.profiles);
        }
        return changed > 0;
    }

    /** Every stored profile, oldest first, in the caller's transaction or a read of its own. */
    public List<Stored> all() {
        return QuarkusTransaction.joiningExisting().call(() -> StoredProfile.<StoredProfile>list("order by addedAt")
                .stream().map(p -> new Stored(p.toProfile(), StoredProfile.FILE.equals(p.origin))).toList());
    }
}
