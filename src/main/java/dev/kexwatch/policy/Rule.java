package dev.kexwatch.policy;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import java.util.Optional;
import java.util.Set;

/**
 * One rule of a policy.
 *
 * @param category the list family it judges; empty for built-in checks that span families
 * @param directions which of the c2s and s2c lists it judges (both by default; ignored for kex and host key)
 * @param remediation advice in the rule's own words; the engine adds the {@code sshd_config} lines
 */
public record Rule(String id, Optional<Category> category, Set<Direction> directions, Check check, Severity severity,
        String rationale, String source, Optional<String> remediation) {

    public Rule {
        directions = Set.copyOf(directions);
    }

    /** True when this rule removes names from what a host may offer (used for remediation and nothing-acceptable). */
    public boolean restrictsNames() {
        return check instanceof Check.Forbid || check instanceof Check.AllowOnly || check instanceof Check.ForbidVerdict;
    }
}
