package dev.kexwatch.report;

import dev.kexwatch.fleet.HostCompliance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A compliance report an auditor can file: one policy, the hosts a label selector picks (among those the
 * policy applies to), as they were in one scan. The same scan, policy and labels give the same report.
 *
 * @param policyVersions the version in force now and every version the scan's findings were judged under
 * @param nonCompliant every host of the scope that answered and broke a rule, with its findings in full
 * @param waivers waivers of the policy in force on the day of the scan, with the hosts they set findings aside on
 */
public record ComplianceReport(String policyId, String policyTitle, List<String> policyVersions,
        Map<String, String> labels, Scan scan, Counts counts, List<HostCompliance> nonCompliant,
        List<WaiverInForce> waivers) {

    /** The scan the report is about. */
    public record Scan(long id, String status, Instant startedAt, Instant finishedAt) {
    }

    /** Hosts of the scope by their state in that scan for that policy; {@code notProbed}: not part of the scan. */
    public record Counts(int hosts, int compliant, int nonCompliant, int unreachable, int notProbed) {
    }

    /** A waiver of the policy that was in force on the day of the scan. */
    public record WaiverInForce(String id, String rule, String host, Map<String, String> labels, String reason,
            LocalDate expires, List<String> hostsWaived) {
    }
}
