package dev.kexwatch.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fleet at a glance: hosts per compliance state, per worst severity, per policy (hosts a policy finds
 * fault with), findings per rule, and, when asked for a label key, hosts per state for each value of it.
 * It describes the latest result of every enabled host, whichever scan it came from: {@code oldestResultAt} and
 * {@code newestResultAt} date those results, {@code latestScan} names the latest finished scan (a label scan
 * updates only its hosts). A scan's own counts are in its {@code summary} ({@code GET /api/scans/{id}}).
 */
public record FleetSummary(String describes, ScanRef latestScan, Instant oldestResultAt, Instant newestResultAt,
        long hosts, Map<String, Long> byState, Map<String, Long> bySeverity, Map<String, Long> nonCompliantByPolicy,
        List<RuleCount> byRule, Map<String, Map<String, Long>> byLabel) {

    static final String DESCRIBES = "the latest result of every enabled host";

    /** How many hosts break one rule. */
    public record RuleCount(String policyId, String ruleId, String severity, long hosts) {
    }

    /** A scan: its id, the labels that picked its hosts (empty: all) and how many it had. */
    public record ScanRef(long id, Map<String, String> selector, int hosts, Instant startedAt, Instant finishedAt) {
    }
}
