package dev.kexwatch.compatibility;

import dev.kexwatch.fleet.Generations;
import dev.kexwatch.fleet.ProfileStore;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.ClientProfiles;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The client profiles in force: the built-in ones, and those stored in the database: imported from
 * {@code kexwatch.negotiation.profiles-file} at start (a broken file stops the service from starting, with file,
 * line and column) or added over REST. Ids are unique across all of them, so nothing silently replaces a built-in
 * profile. The file is only read (a read-only ConfigMap is fine); an import or a REST change bumps the
 * {@code profiles} generation, and every replica polls it ({@code kexwatch.shared.poll-every}) to rebuild its
 * profiles from the database.
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

    @Inject
    Generations generations;

    @Inject
    ProfileStore store;

    private volatile Snapshot snapshot;
    /** The generation the snapshot was built at. */
    private volatile long loaded = -1;

    @PostConstruct
    void load() {
        config.profilesFile().ifPresent(this::importFile);
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
        store.add(added, clock.instant()); // a conflict with a profile another replica added at once fails here
        refresh();
        return added;
    }

    /** Removes a profile added over REST; built-in and file profiles cannot be removed here. */
    @Transactional
    public synchronized boolean remove(String id) {
        if (!API.equals(origin(id)) || !store.remove(id)) {
            return false;
        }
        refresh();
        return true;
    }

    /** Rebuilds the profiles when another replica added or removed some since they were built here. */
    @Scheduled(every = "{kexwatch.shared.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "profiles-poll", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public synchronized void pollShared() {
        if (generations.current(Generations.Kind.profiles) != loaded) {
            refresh();
        }
    }

    private void refresh() {
        snapshot = build();
        changed.fire(new ProfilesChanged(snapshot.profiles().ids().size()));
    }

    private Snapshot build() {
        loaded = generations.current(Generations.Kind.profiles); // read first: a later change builds again
        ClientProfiles profiles = ClientProfiles.builtIn();
        Map<String, String> origins = new HashMap<>();
        profiles.ids().forEach(id -> origins.put(id, BUILT_IN));
        String file = config.profilesFile().map(f -> "file:" + f).orElse("file");
        for (ProfileStore.Stored row : store.all()) {
            if (origins.containsKey(row.profile().id())) {
                // A built-in profile gained this id after it was stored: the built-in one wins.
                LOG.warnf("Stored client profile '%s' is shadowed by a built-in one", row.profile().id());
                continue;
            }
            profiles = profiles.with(row.profile());
            origins.put(row.profile().id(), row.fromFile() ? file : API);
        }
        return new Snapshot(profiles, Map.copyOf(origins));
    }

    /**
     * Imports the profiles file into the database, where every replica reads it (one without the file too). A broken
     * file stops the start, with file, line and column; a valid one replaces the profiles of origin file.
     */
    private void importFile(Path file) {
        ClientProfiles builtIn = ClientProfiles.builtIn();
        List<ClientProfile> profiles = builtIn.withFile(file).all().stream()
                .filter(p -> builtIn.find(p.id()).isEmpty()).toList();
        if (store.importFile(profiles, clock.instant())) {
            LOG.infof("Imported %d client profiles from %s", profiles.size(), file);
        }
    }
}
