package dev.kexwatch.compatibility;

import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.ClientProfiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The client profiles in force: the built-in ones, those of {@code kexwatch.negotiation.profiles-file} (a broken
 * file stops the service from starting, with file, line and column), and those added over REST, which are stored
 * in the database. Ids are unique across all three, so nothing silently replaces a built-in profile.
 */
@ApplicationScoped
public class ProfileRegistry {

    private static final Logger LOG = Logger.getLogger(ProfileRegistry.class);
    static final String BUILT_IN = "built-in";
    static final String API = "api";

    /** One immutable snapshot: the profiles and where each came from. */
    private record Snapshot(ClientProfiles profiles, Map<String, String> origins) {
    }

    @Inject
    NegotiationConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<ProfilesChanged> changed;

    private volatile Snapshot snapshot;

    @PostConstruct
    void load() {
        snapshot = build();
        LOG.infof("Client profiles: %d (%s)", snapshot.profiles().ids().size(), snapshot.origins().values().stream()
                .distinct().toList());
    }

    public ClientProfiles profiles() {
        return snapshot.profiles();
    }

    public Optional<ClientProfile> find(String id) {
        return snapshot.profiles().find(id);
    }

    /** {@code built-in}, {@code file:<path>} or {@code api}. */
    public String origin(String id) {
        return snapshot.origins().getOrDefault(id, "");
    }

    /**
     * Validates and stores every profile of a YAML (or JSON) document in the profiles-file format.
     *
     * @throws dev.kexwatch.negotiation.ProfileFormatException with line and column; nothing is stored then
     */
    @Transactional
    public synchronized List<ClientProfile> add(String document) {
        ClientProfiles before = snapshot.profiles();
        List<String> known = before.ids();
        List<ClientProfile> added = before.with("posted profiles", document).all().stream()
                .filter(p -> !known.contains(p.id())).toList();
        added.forEach(p -> StoredProfile.of(p, clock.instant()).persist());
        refresh();
        return added;
    }

    /** Removes a profile added over REST; built-in and file profiles cannot be removed here. */
    @Transactional
    public synchronized boolean remove(String id) {
        if (!API.equals(origin(id)) || !StoredProfile.deleteById(id)) {
            return false;
        }
        refresh();
        return true;
    }

    private void refresh() {
        snapshot = build();
        changed.fire(new ProfilesChanged(snapshot.profiles().ids().size()));
    }

    private Snapshot build() {
        ClientProfiles profiles = ClientProfiles.builtIn();
        Map<String, String> origins = new HashMap<>();
        profiles.ids().forEach(id -> origins.put(id, BUILT_IN));
        if (config.profilesFile().isPresent()) {
            profiles = profiles.withFile(config.profilesFile().get());
            String origin = "file:" + config.profilesFile().get();
            profiles.ids().forEach(id -> origins.putIfAbsent(id, origin));
        }
        List<StoredProfile> stored = QuarkusTransaction.joiningExisting().call(() -> StoredProfile.list("order by addedAt"));
        for (StoredProfile row : stored) {
            if (origins.containsKey(row.id)) {
                // The profiles file gained this id after it was posted: the file wins, the stored one waits.
                LOG.warnf("Client profile '%s' from the API is shadowed by %s", row.id, origins.get(row.id));
                continue;
            }
            profiles = profiles.with(row.toProfile());
            origins.put(row.id, API);
        }
        return new Snapshot(profiles, Map.copyOf(origins));
    }
}
