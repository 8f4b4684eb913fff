package dev.kexwatch.policy;

import java.util.List;
import java.util.Optional;

/** A policy's verdict on one offer: compliant when no finding is left. */
public record Evaluation(String policyId, String policyVersion, List<Finding> findings) {

    public Evaluation {
        findings = List.copyOf(findings);
    }

    public boolean compliant() {
        return findings.isEmpty();
    }

    public Optional<Severity> worst() {
        return findings.stream().map(Finding::severity).max(Enum::compareTo);
    }
}
