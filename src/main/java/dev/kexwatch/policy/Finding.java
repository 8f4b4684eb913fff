package dev.kexwatch.policy;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import java.util.List;
import java.util.Optional;

/**
 * One rule a host's offer broke.
 *
 * @param names the offending names, in the host's order
 * @param evidence the list as the host offered it
 * @param remediation what to change, e.g. the {@code sshd_config} line that keeps the rest in order
 */
public record Finding(String policyId, String ruleId, Severity severity, Category category,
        Optional<Direction> direction, List<String> names, List<String> evidence, String rationale, String source,
        String remediation) {
}
