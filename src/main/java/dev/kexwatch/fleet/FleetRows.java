package dev.kexwatch.fleet;

import dev.kexwatch.algorithm.ServerOffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the fleet gauges are computed from, as read from the database by {@link MetricsQueries}.
 *
 * @param hosts every enabled host with its current state
 * @param offers the offers those hosts (and their previous successful observations) sent, by offer id
 * @param findings unwaived findings of the current observations, by policy, rule and severity
 * @param lastSuccessfulScan when the latest finished scan that covered the fleet ended; empty before the first
 * @param weakWindowStart a weak algorithm that appeared at or after this time still counts as appeared
 */
public record FleetRows(List<HostRow> hosts, Map<Long, ServerOffer> offers, Map<FindingKey, Long> findings,
        Optional<Instant> lastSuccessfulScan, Instant weakWindowStart) {

    public FleetRows {
        hosts = List.copyOf(hosts);
        offers = Map.copyOf(offers);
        findings = Map.copyOf(findings);
    }

    /**
     * One enabled host.
     *
     * @param offerId the offer of its current observation; empty when unscanned or unreachable
     * @param okRuns its successful observations, newest first, when one of them began within the weak window;
     *        empty otherwise (nothing can have appeared lately)
     * @param policiesFailed policies with an unwaived finding in its current observation
     * @param judgedBy policies that judged its current observation (a policy in force since has not)
     */
    public record HostRow(long id, String address, int port, Map<String, String> labels, HostState state,
            Optional<Long> offerId, List<OkRun> okRuns, Set<String> policiesFailed, Set<String> judgedBy) {

        public HostRow {
            labels = Map.copyOf(labels);
            okRuns = List.copyOf(okRuns);
            policiesFailed = Set.copyOf(policiesFailed);
            judgedBy = Set.copyOf(judgedBy);
        }

        /** {@code address:port}, with IPv6 literals in brackets. */
        public String endpoint() {
            return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
        }
    }

    /** A successful observation of a host: its offer, and when the run of identical results began. */
    public record OkRun(long offerId, Instant firstSeen) {
    }

    /** A series of {@code kexwatch_findings}. */
    public record FindingKey(String policy, String rule, String severity) {
    }
}
