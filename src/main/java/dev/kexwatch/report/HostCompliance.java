package dev.kexwatch.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A host's latest compliance: the outcome of its latest probe and what the policies found in its offer.
 * {@code compliant} is true only for a host that answered and broke no rule.
 */
public record HostCompliance(long hostId, String address, int port, Map<String, String> labels, HostState state,
        boolean compliant, String outcome, String detail, String identification, Long scanId, Instant probedAt,
        List<FindingView> findings) {

    /** One finding as reports show it. */
    public record FindingView(String policyId, String policyVersion, String ruleId, String severity, String category,
            String direction, List<String> names, List<String> evidence, String rationale, String source,
            String remediation) {
    }
}
