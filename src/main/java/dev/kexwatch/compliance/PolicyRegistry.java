package dev.kexwatch.compliance;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyEngine;
import dev.kexwatch.policy.PolicyLoader;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The policies in force. Loaded at start from {@code kexwatch.policy.dir}; an invalid policy stops the
 * service from starting, so a typo can never silently switch checks off.
 */
@Startup
@ApplicationScoped
public class PolicyRegistry {

    private static final Logger LOG = Logger.getLogger(PolicyRegistry.class);

    @Inject
    PolicyConfig config;

    @Inject
    Clock clock;

    private final PolicyEngine engine = new PolicyEngine();
    private volatile List<Policy> policies = List.of();

    @PostConstruct
    void load() {
        policies = List.copyOf(new PolicyLoader().loadDirectory(config.dir()));
        LOG.infof("Loaded %d policies from %s: %s", policies.size(), config.dir(),
                policies.stream().map(p -> p.id() + "@" + p.version()).toList());
    }

    public List<Policy> policies() {
        return policies;
    }

    /** Every policy that applies to the host, judged on its offer. */
    public List<Evaluation> evaluate(HostRef host, ServerOffer offer) {
        LocalDate today = LocalDate.now(clock);
        return policies.stream()
                .filter(p -> p.appliesTo(host))
                .map(p -> engine.evaluate(p, offer, host, today))
                .toList();
    }
}
