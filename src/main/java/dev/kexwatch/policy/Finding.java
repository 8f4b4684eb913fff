package dev.kexwatch.policy;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import java.util.List;
import java.util.Optional;

/**
 * One rule a host's offer broke.
 *
 * @param direction c2s or s2c; empty for kex and host key, and when both directions broke the rule alike
 * @param names the offending names, in the host's order (for require-one-of: the names required and missing)
 * @param evidence the list as the host offered it
 * @param remediation an {@code sshd_config} snippet: the rule's advice as {@code #} comments, then the lines
 *     ({@code KexAlgorithms}, {@code HostKeyAlgorithms}, {@code Ciphers}, {@code MACs}) that keep what the host offers
 *     minus what the policy forbids, in the host's order
 */
public record Finding(String policyId, String ruleId, Severity severity, Category category,
        Optional<Direction> direction, List<String> names, List<String> evidence, String rationale, String source,
        String remediation) {

    public Finding {
        names = List.copyOf(names);
        evidence = List.copyOf(evidence);
    }
}
