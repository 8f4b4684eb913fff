package dev.kexwatch.cli;

import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.Severity;
import java.util.List;
import java.util.Optional;

/**
 * What a scan's output is made of: the reports in input order, the policy they were judged by, colour or not,
 * and {@code --fail-on} (reports that gate, such as JUnit, fail only where the exit code does).
 */
record ScanResults(List<TargetReport> reports, Policy policy, boolean colour, Optional<Severity> failOn) {

    ScanResults {
        reports = List.copyOf(reports);
    }
}
