package dev.kexwatch.cli;

import dev.kexwatch.policy.Policy;
import java.util.List;

/** What a scan's output is made of: the reports in input order, the policy they were judged by, colour or not. */
record ScanResults(List<TargetReport> reports, Policy policy, boolean colour) {

    ScanResults {
        reports = List.copyOf(reports);
    }
}
