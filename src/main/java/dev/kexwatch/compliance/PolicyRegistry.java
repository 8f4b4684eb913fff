package dev.kexwatch.compliance;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.HostRemediation;
import dev.kexwatch.policy.PolicyEngine;
import dev.kexwatch.policy.PolicyException;
import dev.kexwatch.policy.PolicyLoader;
import dev.kexwatch.policy.PolicySet;
import dev.kexwatch.policy.PolicyProblem;
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
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The policies in force. Loaded at start from {@code kexwatch.policy.dir}: an invalid policy stops the
 * service from starting, so a typo can never silently switch checks off. Later changes (a file edited, a
 * policy put over REST) are validated first; on error the last good set stays in force and the error is
 * kept for REST and metrics.
 */
@Startup
@ApplicationScoped
public class PolicyRegistry {

    private static final Logger LOG = Logger.getLogger(PolicyRegistry.class);

    /** The outcome of the last load attempt. */
    public record LoadStatus(Instant at, boolean ok, List<PolicyProblem> problems) {
    }

    @Inject
    PolicyConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<PoliciesChanged> changed;

    private final PolicyEngine engine = new PolicyEngine();
    private volatile PolicySet policies = PolicySet.EMPTY;
    private volatile LoadStatus status;
    private volatile String fingerprint = "";

    @PostConstruct
    void load() {
        fingerprint = fingerprint();
        policies = PolicySet.load(config.dir());
        status = new LoadStatus(clock.instant(), true, List.of());
        LOG.infof("Loaded %d policies from %s: %s", policies.policies().size(), config.dir(),
                policies.policies().stream().map(p -> p.id() + "@" + p.version()).toList());
    }

    public PolicySet policies() {
        return policies;
    }

    public LoadStatus status() {
        return status;
    }

    /** Every policy that applies to the host, judged on its offer. */
    public Verdict judge(HostRef host, ServerOffer offer) {
        return new Verdict(policies.evaluate(engine, offer, host, LocalDate.now(clock)));
    }

    /**
     * Every policy that applies to the host, judged on its offer and on the protocol version of its identification
     * ({@code 1.99}: protocol 1 still enabled); the offer is empty for a host that answered SSH-1 only.
     */
    public Verdict judge(HostRef host, Optional<ServerOffer> offer, String protocolVersion) {
        PolicySet set = policies;
        return new Verdict(engine.evaluateAll(set.applicableTo(host), offer, protocolVersion, host,
                LocalDate.now(clock)));
    }

    /** The one remediation for every policy in force on the host, written for its server software. */
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
     * Validates a policy, writes it as {@code <id>.yaml} in the policy directory and puts it in force. A
     * broken policy is refused and nothing is written.
     */
    public synchronized Policy install(String yaml) {
        Policy policy = validate(yaml, "posted policy");
        Path file = config.dir().resolve(policy.id() + ".yaml");
        Optional<String> before = read(file);
        write(file, Optional.of(yaml));
        Optional<PolicyException> refused = reload();
        if (refused.isPresent()) {
            // Valid alone but not with the others (e.g. its id is another file's): the directory goes back to
            // what it was, so the set in force and the next start stay as they were.
            write(file, before);
            reload();
            throw refused.get();
        }
        return policy;
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file.getFileName(), e);
        }
    }

    /** Writes the content, or deletes the file when there is none. */
    private static void write(Path file, Optional<String> content) {
        try {
            if (content.isPresent()) {
                Files.writeString(file, content.get());
            } else {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write policy file " + file.getFileName(), e);
        }
    }

    /** Reloads when a file in the directory changed since the last load. */
    @Scheduled(every = "{kexwatch.policy.reload-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void reloadIfChanged() {
        if (!fingerprint().equals(fingerprint)) {
            reload();
        }
    }

    /** Loads the directory again; the last good set stays in force when it is invalid. */
    public synchronized Optional<PolicyException> reload() {
        fingerprint = fingerprint();
        try {
            PolicySet next = PolicySet.load(config.dir());
            policies = next;
            status = new LoadStatus(clock.instant(), true, List.of());
            LOG.infof("Policies reloaded: %s", next.policies().stream().map(p -> p.id() + "@" + p.version()).toList());
            changed.fire(new PoliciesChanged(next));
            return Optional.empty();
        } catch (PolicyException e) {
            status = new LoadStatus(clock.instant(), false, e.problems());
            LOG.errorf("Policies NOT reloaded, the last good set stays in force:%n%s", e.getMessage());
            return Optional.of(e);
        }
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
