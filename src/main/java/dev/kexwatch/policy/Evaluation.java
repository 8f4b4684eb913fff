package dev.kexwatch.policy;

import java.util.List;
import java.util.Optional;

/**
 * A policy's verdict on one offer: compliant when no unwaived finding is left.
 *
 * @param waived findings a waiver in force set aside
 * @param expiredWaivers waivers for this host whose date has passed, so the report can say "waiver X expired on D"
 * @param unknownNames names the catalog does not know, as {@code list:name}; never silently passed
 */
public record Evaluation(String policyId, String policyVersion, List<Finding> findings, List<WaivedFinding> waived,
        List<Waiver> expiredWaivers, List<String> unknownNames) {

    public Evaluation {
        findings = List.copyOf(findings);
        waived = List.copyOf(waived);
        expiredWaivers = List.copyOf(expiredWaivers);
        unknownNames = List.copyOf(unknownNames);
    }

    public Evaluation(String policyId, String policyVersion, List<Finding> findings) {
        this(policyId, policyVersion, findings, List.of(), List.of(), List.of());
    }

    public boolean compliant() {
        return findings.isEmpty();
    }

    public Optional<Severity> worst() {
        return findings.stream().map(Finding::severity).max(Enum::compareTo);
    }
}
