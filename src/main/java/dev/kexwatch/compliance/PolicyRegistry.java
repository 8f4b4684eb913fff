package dev.kexwatch.compliance;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.fleet.Generations;
import dev.kexwatch.fleet.HostJudge;
import dev.kexwatch.fleet.PolicyDocuments;
import dev.kexwatch.fleet.Verdict;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.HostRemediation;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyEngine;
import dev.kexwatch.policy.PolicyException;
import dev.kexwatch.policy.PolicyLoader;
import dev.kexwatch.policy.PolicyProblem;
import dev.kexwatch.policy.PolicySet;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The policies in force, shared by every replica through the database (table {@code policy_document}). The
 * policy directory {@code kexwatch.policy.dir} is an import source: at start (an invalid policy stops the service
 * from starting, so a typo can never silently switch checks off) and whenever its files change, its policies
 * are validated and written to the database; a policy installed over REST is written there too, never to the
 * directory (a read-only ConfigMap is fine). Every replica polls the {@code policies} generation
 * ({@code kexwatch.shared.poll-every}) and, when it moved, loads the set and judges the stored offers again. On
 * an invalid change the last good set stays in force and the error is kept for REST and metrics.
 */
@Startup
@ApplicationScoped
public class PolicyRegistry implements HostJudge {

    private static final Logger LOG = Logger.getLogger(PolicyRegistry.class);
    private static final String POSTED = "posted policy";

    /** The outcome of the last load attempt. */
    public record LoadStatus(Instant at, boolean ok, List<PolicyProblem> problems) {
    }

    @Inject
    PolicyConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<PoliciesChanged> changed;

    @Inject
    PolicyDocuments documents;

    @Inject
    Generations generations;

    private final PolicyEngine engine = new PolicyEngine();
    private volatile PolicySet policies = PolicySet.EMPTY;
    private volatile LoadStatus status;
    private volatile String fingerprint = "";
    /** The generation of the set in force here; -1 until loaded. */
    private volatile long loaded = -1;

    @PostConstruct
    void load() {
        fingerprint = fingerprint();
        boolean imported = documents.importFiles(readDirectory());
        status = new LoadStatus(clock.instant(), true, List.of());
        loadStored();
        if (imported) {
            loaded = -1; // the first poll judges the stored offers under what the directory brought
        }
        LOG.infof("Loaded %d policies (directory %s imported): %s", policies.policies().size(), config.dir(),
                ids(policies));
    }

    public PolicySet policies() {
        return policies;
    }

    public LoadStatus status() {
        return status;
    }

    /** The generation of the policies in force on this replica. */
    public long generation() {
        return loaded;
    }

    /** Every policy that applies to the host, judged on its offer. */
    public Verdict judge(HostRef host, ServerOffer offer) {
        return new Verdict(policies.evaluate(engine, offer, host, LocalDate.now(clock)));
    }

    /**
     * Every policy that applies to the host, judged on its offer and on the protocol version of its identification
     * ({@code 1.99}: protocol 1 still enabled); the offer is empty for a host that answered SSH-1 only. The software
     * version ({@code dropbear_2022.83}) writes each finding's remediation for that server.
     */
    @Override
    public Verdict judge(HostRef host, Optional<ServerOffer> offer, String protocolVersion, String softwareVersion,
            Optional<DeepResult> deep) {
        PolicySet set = policies;
        return new Verdict(engine.evaluateAll(set.applicableTo(host), offer, protocolVersion, deep, softwareVersion, host,
                LocalDate.now(clock)));
    }

    @Override
    public List<Policy> inForceFor(HostRef host) {
        return policies.applicableTo(host);
    }

    /** The one remediation for every policy in force on the host, written for its server software. */
    @Override
    public HostRemediation remediation(HostRef host, ServerOffer offer, String softwareVersion) {
        return HostRemediation.of(policies.applicableTo(host), offer, softwareVersion);
    }

    /** Checks a policy without installing it; throws {@link PolicyException} with located problems. */
    public Policy validate(String yaml, String name) {
        Policy policy = new PolicyLoader().parse(yaml, name);
        policies.with(policy);
        return policy;
    }

    /**
     * Validates a policy, stores it in the database and puts it in force here at once (the other replicas follow
     * within their poll). A broken policy, or one whose id a policy file holds, is refused and nothing is stored.
     */
    public synchronized Policy install(String yaml) {
        Policy policy = validate(yaml, POSTED);
        documents.install(new PolicyDocuments.Document(policy.id(), POSTED, yaml));
        refresh();
        return policy;
    }

    /**
     * Loads the set again when another replica (or this one) changed it since it was loaded here. Not while the
     * service starts: the re-judge it fires must not run alongside the start-up observers.
     */
    @Scheduled(every = "{kexwatch.shared.poll-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "policies-poll", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public synchronized void pollShared() {
        if (generations.current(Generations.Kind.policies) != loaded) {
            refresh();
        }
    }

    /** Imports the directory when a file in it changed since the last import. */
    @Scheduled(every = "{kexwatch.policy.reload-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void reloadIfChanged() {
        if (!fingerprint().equals(fingerprint)) {
            reload();
        }
    }

    /** Imports the directory again; when it is invalid nothing is imported and the last good set stays. */
    public synchronized Optional<PolicyException> reload() {
        fingerprint = fingerprint();
        try {
            boolean imported = documents.importFiles(readDirectory());
            status = new LoadStatus(clock.instant(), true, List.of());
            if (imported) {
                refresh();
            }
            return Optional.empty();
        } catch (PolicyException e) {
            status = new LoadStatus(clock.instant(), false, e.problems());
            LOG.errorf("Policy directory NOT imported, the last good set stays in force:%n%s", e.getMessage());
            return Optional.of(e);
        }
    }

    /** Loads the stored set, puts it in force and has the stored offers judged under it. */
    private void refresh() {
        if (loadStored()) {
            LOG.infof("Policies reloaded (generation %d): %s", loaded, ids(policies));
            changed.fire(new PoliciesChanged(policies));
        }
    }

    /** False, with the last good set left in force, when a stored policy no longer parses (e.g. edited in SQL). */
    private boolean loadStored() {
        long generation = generations.current(Generations.Kind.policies); // read first: a later change reloads again
        try {
            List<Policy> stored = new ArrayList<>();
            PolicyLoader loader = new PolicyLoader();
            for (PolicyDocuments.Document row : documents.stored()) {
                stored.add(loader.parse(row.yaml(), row.source()));
            }
            policies = new PolicySet(stored.stream().sorted(java.util.Comparator.comparing(Policy::id)).toList());
            loaded = generation;
            return true;
        } catch (PolicyException e) {
            status = new LoadStatus(clock.instant(), false, e.problems());
            LOG.errorf("Stored policies NOT loaded, the last good set stays in force:%n%s", e.getMessage());
            return false;
        }
    }

    /** The directory's policies with their text; throws with every problem of every file when any is invalid. */
    private List<PolicyDocuments.Document> readDirectory() {
        return PolicySet.load(config.dir()).policies().stream()
                .map(p -> new PolicyDocuments.Document(p.id(), p.source(), read(Path.of(p.source())))).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file.getFileName(), e);
        }
    }

    private static List<String> ids(PolicySet set) {
        return set.policies().stream().map(p -> p.id() + "@" + p.version()).toList();
    }

    /** File names, sizes and modification times: cheap to compute, changes with any edit. */
    private String fingerprint() {
        try (Stream<Path> files = Files.list(config.dir())) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .map(PolicyRegistry::stamp).toList().toString();
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String stamp(Path file) {
        try {
            return file.getFileName() + ":" + Files.size(file) + ":" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return file.getFileName() + ":gone";
        }
    }
}
