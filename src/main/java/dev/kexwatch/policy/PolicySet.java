package dev.kexwatch.policy;

import dev.kexwatch.algorithm.ServerOffer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All loaded policies as one immutable value: what the service swaps atomically on reload (keeping the last good set
 * when a new one fails to load) and what the CLI builds from {@code --policy}. Ids are unique across the set.
 */
public record PolicySet(List<Policy> policies) {

    public static final PolicySet EMPTY = new PolicySet(List.of());

    public PolicySet {
        policies = List.copyOf(policies);
        Map<String, Policy> seen = new HashMap<>();
        List<PolicyProblem> problems = new ArrayList<>();
        for (Policy policy : policies) {
            Policy other = seen.putIfAbsent(policy.id(), policy);
            if (other != null) {
                problems.add(new PolicyProblem(policy.source(), 1, 1,
                        "policy id '" + policy.id() + "' is already used by " + other.source()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PolicyException(problems);
        }
    }

    /** Loads every policy file of a directory; throws {@link PolicyException} with all problems of all files. */
    public static PolicySet load(Path dir) {
        return new PolicySet(new PolicyLoader().loadDirectory(dir));
    }

    public Optional<Policy> byId(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The policies whose selector matches the host. */
    public List<Policy> applicableTo(HostRef host) {
        return policies.stream().filter(p -> p.appliesTo(host)).toList();
    }

    /** Judges an offer against every policy that applies to the host, all in force at once. */
    public List<Evaluation> evaluate(PolicyEngine engine, ServerOffer offer, HostRef host, LocalDate today) {
        return engine.evaluateAll(applicableTo(host), Optional.of(offer), "2.0", host, today);
    }

    /** A copy with one policy added or replaced by id, e.g. after a REST upload was validated. */
    public PolicySet with(Policy policy) {
        List<Policy> next = new ArrayList<>(policies.stream().filter(p -> !p.id().equals(policy.id())).toList());
        next.add(policy);
        return new PolicySet(next);
    }
}
