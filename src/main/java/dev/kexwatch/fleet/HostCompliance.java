package dev.kexwatch.fleet;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A host's latest compliance: the outcome of its latest probe and what the policies found in its offer.
 * {@code compliant} is true only for a host that answered and broke no rule; {@code waived} findings are set
 * aside by a waiver in force and do not count; {@code notes} say what else a reader must know (an expired
 * waiver, an algorithm no catalog knows).
 */
public record HostCompliance(long hostId, String address, int port, Map<String, String> labels, HostState state,
        boolean compliant, String worstSeverity, String outcome, String detail, String identification, Long scanId,
        Instant probedAt, List<FindingView> findings, List<FindingView> waived, List<String> notes) {

    /**
     * One finding as reports show it. In host lists only what identifies it (rule, severity, names); the
     * evidence, rationale, source and remediation come with the host itself ({@code /api/reports/hosts/{id}}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FindingView(String policyId, String policyVersion, String ruleId, String severity, String category,
            String direction, List<String> names, List<String> evidence, String rationale, String source,
            String remediation, String waiver) {
    }
}
