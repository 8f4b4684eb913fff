package dev.kexwatch.capture;

import dev.kexwatch.compatibility.ProfileRegistry;
import dev.kexwatch.fleet.CapturedClient;
import dev.kexwatch.fleet.CapturedClients;
import dev.kexwatch.listen.Capture;
import dev.kexwatch.listen.CapturedProfile;
import dev.kexwatch.listen.ClientReview;
import dev.kexwatch.listen.ListenOutcome;
import dev.kexwatch.listen.ProfileFile;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.probe.Identification;
import dev.kexwatch.probe.ServerText;
import dev.kexwatch.scan.ReplicaId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Captured clients: judged by the client policy ({@code kexwatch.listen.policy}) and stored as they come, listed,
 * reviewed again on request (findings with remediation in the client's own syntax), promoted to client profiles,
 * deleted.
 */
@ApplicationScoped
public class CapturedClientService {

    private static final Logger LOG = Logger.getLogger(CapturedClientService.class);
    /** The identification in a log line: a real one is under 100 characters. */
    private static final int LOGGED_CHARS = 120;

    @Inject
    CapturedClients store;

    @Inject
    ProfileRegistry profiles;

    @Inject
    ReplicaId replica;

    @Inject
    ListenConfig config;

    @Inject
    ClientPolicy policy;

    @Inject
    Clock clock;

    /** Judges one capture of this replica's listener by the client policy in force now, and stores it. */
    public CapturedClient store(Capture capture) {
        ClientReview review = policy.judge().review(capture, CapturedProfile.defaultId(capture), today());
        Evaluation evaluation = review.evaluation();
        CapturedClient stored = store.add(new CapturedClient(0, capture.identification().orElseThrow().line(),
                capture.peer(), replica.id(), capture.lists().orElseThrow(), evaluation.policyId(),
                evaluation.compliant(), evaluation.worst(),
                evaluation.findings().stream().map(Finding::ruleId).toList(),
                capture.capturedAt()));
        store.keepNewest(config.keep());
        LOG.infof("Captured SSH client %d from %s: %s (%s)", stored.id(), stored.peer(),
                ServerText.bounded(stored.identification(), LOGGED_CHARS),
                stored.compliant() ? "compliant" : String.join(",", stored.findingRules()));
        return stored;
    }

    public List<CapturedClient> page(int page, int size) {
        return store.page(page, size);
    }

    public long count() {
        return store.count();
    }

    public Optional<CapturedClient> find(long id) {
        return store.find(id);
    }

    /** A stored capture judged again now, with its profile under the id it would be promoted to by default. */
    public ClientReview review(CapturedClient client) {
        return policy.judge().review(capture(client), defaultId(client), today());
    }

    /**
     * Adds the capture as a client profile named {@code name}, or from its identification.
     *
     * @throws IllegalArgumentException the name is not a valid id
     * @throws IllegalStateException a profile of that id exists already
     * @throws dev.kexwatch.negotiation.ProfileFormatException the id exists already, or a list is empty
     */
    public Optional<ClientProfile> promote(long id, Optional<String> name) {
        name.flatMap(CapturedProfile::invalidId).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Optional<CapturedClient> client = store.find(id);
        if (client.isEmpty()) {
            return Optional.empty();
        }
        String profileId = name.orElseGet(() -> defaultId(client.get()));
        ClientProfile profile = CapturedProfile.of(capture(client.get()), profileId);
        if (profiles.find(profile.id()).isPresent()) {
            throw new IllegalStateException("a client profile '" + profile.id() + "' exists already"
                    + (name.isPresent() ? "" : " (another capture of the same software?)") + "; give another name");
        }
        return Optional.of(profiles.add(ProfileFile.yaml(List.of(profile))).get(0));
    }

    public boolean delete(long id) {
        return store.delete(id);
    }

    static String defaultId(CapturedClient client) {
        return CapturedProfile.defaultId(capture(client));
    }

    /** The stored row as the listener's capture, so the pure listen code judges and profiles it. */
    private static Capture capture(CapturedClient client) {
        return new Capture(client.peer(), ListenOutcome.CAPTURED, ListenOutcome.CAPTURED.message(),
                Optional.of(new Identification(client.identification(), List.of())), Optional.of(client.lists()),
                client.capturedAt());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
