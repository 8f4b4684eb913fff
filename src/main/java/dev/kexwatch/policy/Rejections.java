package dev.kexwatch.policy;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Glob;
import dev.kexwatch.algorithm.KexList;
import java.util.List;

/** Whether a policy's (or several policies') name rules reject a name in a list; signal names are never rejected. */
final class Rejections {

    private final List<Policy> policies;
    private final AlgorithmCatalog catalog;

    Rejections(Policy policy, AlgorithmCatalog catalog) {
        this(List.of(policy), catalog);
    }

    /** What any of these policies rejects: remediation lines for a host under several policies at once. */
    Rejections(List<Policy> policies, AlgorithmCatalog catalog) {
        this.policies = List.copyOf(policies);
        this.catalog = catalog;
    }

    boolean isSignal(KexList list, String name) {
        return catalog.isSignal(list.category(), name);
    }

    /** True when one rule rejects the name. */
    boolean rejects(Rule rule, KexList list, String name) {
        if (!Scope.covers(rule, list) || isSignal(list, name)) {
            return false;
        }
        Check check = rule.check();
        if (check instanceof Check.Forbid forbid) {
            return anyMatch(forbid.names(), name);
        }
        if (check instanceof Check.AllowOnly allow) {
            return !anyMatch(allow.names(), name);
        }
        if (check instanceof Check.ForbidVerdict verdicts) {
            return verdicts.verdicts().contains(catalog.verdict(list.category(), name));
        }
        return false;
    }

    /** True when any name rule of the policy (of any of the policies) rejects the name. */
    boolean rejectedByPolicy(KexList list, String name) {
        return policies.stream().flatMap(p -> p.rules().stream())
                .anyMatch(rule -> rule.restrictsNames() && rejects(rule, list, name));
    }

    /** The names of a list that the policy keeps, in the host's order, signals left out. */
    List<String> kept(List<String> names, KexList list) {
        return names.stream().filter(n -> !isSignal(list, n) && !rejectedByPolicy(list, n)).toList();
    }

    static boolean anyMatch(List<Glob> globs, String name) {
        return globs.stream().anyMatch(glob -> glob.matches(name));
    }
}
