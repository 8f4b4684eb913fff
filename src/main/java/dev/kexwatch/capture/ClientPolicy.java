package dev.kexwatch.capture;

import dev.kexwatch.compliance.PolicyRegistry;
import dev.kexwatch.listen.ClientJudge;
import dev.kexwatch.policy.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The policy that judges captured clients ({@code kexwatch.listen.policy}), looked up among the policies in force
 * at each capture, so one installed over REST judges the next capture. A policy in force wins over the built-in
 * {@code client-baseline} of the same id. An id that is in force nowhere is reported (a warning when that first
 * happens, and on the listener status) and the built-in {@code client-baseline} judges meanwhile: a typo or a
 * policy not installed yet must not stop the listener capturing.
 */
@ApplicationScoped
public class ClientPolicy {

    private static final Logger LOG = Logger.getLogger(ClientPolicy.class);
    private static final Policy BUILT_IN = ClientJudge.clientBaseline();

    @Inject
    ListenConfig config;

    @Inject
    PolicyRegistry registry;

    /** The last problem logged, so a capture loop logs a missing policy once, not once per connection. */
    private final AtomicReference<Optional<String>> reported = new AtomicReference<>(Optional.empty());

    /** The configured id. */
    public String id() {
        return config.policy();
    }

    /** A judge with the policy in force now: the configured one, or the built-in baseline while it is missing. */
    public ClientJudge judge() {
        Optional<Policy> found = find();
        report(found.isPresent() ? Optional.empty() : problem());
        return new ClientJudge(found.orElse(BUILT_IN));
    }

    /** Why the configured policy does not judge the captures now; empty when it does. */
    public Optional<String> problem() {
        if (find().isPresent()) {
            return Optional.empty();
        }
        return Optional.of("kexwatch.listen.policy '" + id() + "' is not a policy in force (in force: "
                + registry.policies().policies().stream().map(Policy::id).toList() + ", and the built-in "
                + ClientJudge.CLIENT_BASELINE + "); captures are judged by the built-in " + ClientJudge.CLIENT_BASELINE
                + " until it is installed");
    }

    private Optional<Policy> find() {
        String id = id();
        return registry.policies().byId(id)
                .or(() -> id.equals(ClientJudge.CLIENT_BASELINE) ? Optional.of(BUILT_IN) : Optional.empty());
    }

    private void report(Optional<String> problem) {
        if (!reported.getAndSet(problem).equals(problem)) {
            problem.ifPresentOrElse(p -> LOG.warn(p), () -> LOG.infof("Captures are judged by policy '%s'", id()));
        }
    }

    /** At the listener's start: says at once when the configured policy is missing. */
    void check() {
        report(problem());
    }
}
