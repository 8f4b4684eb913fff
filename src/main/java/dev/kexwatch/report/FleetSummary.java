package dev.kexwatch.report;

import java.util.List;
import java.util.Map;

/**
 * The fleet at a glance: hosts per compliance state, per worst severity, per policy (hosts a policy finds
 * fault with), findings per rule, and, when asked for a label key, hosts per state for each value of it.
 */
public record FleetSummary(long hosts, Map<String, Long> byState, Map<String, Long> bySeverity,
        Map<String, Long> nonCompliantByPolicy, List<RuleCount> byRule, Map<String, Map<String, Long>> byLabel) {

    /** How many hosts break one rule. */
    public record RuleCount(String policyId, String ruleId, String severity, long hosts) {
    }
}
