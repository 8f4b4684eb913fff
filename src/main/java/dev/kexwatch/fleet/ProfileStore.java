package dev.kexwatch.fleet;

import dev.kexwatch.negotiation.ClientProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Every statement on table {@code client_profile}: the profiles added over REST. */
@ApplicationScoped
public class ProfileStore {

    /** Stores profiles in the caller's transaction; a conflict with one another replica added at once fails here. */
    public void add(List<ClientProfile> profiles, Instant at) {
        profiles.forEach(p -> StoredProfile.of(p, at).persist());
        StoredProfile.flush();
    }

    /** False when no profile with that id is stored. */
    public boolean remove(String id) {
        return StoredProfile.deleteById(id);
    }

    /** Every stored profile, oldest first, in the caller's transaction or a read of its own. */
    public List<ClientProfile> all() {
        return QuarkusTransaction.joiningExisting().call(() -> StoredProfile.<StoredProfile>list("order by addedAt")
                .stream().map(StoredProfile::toProfile).toList());
    }
}
