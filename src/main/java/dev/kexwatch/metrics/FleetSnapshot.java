package dev.kexwatch.metrics;

import dev.kexwatch.fleet.FleetRows;
import dev.kexwatch.fleet.FleetRows.FindingKey;
import dev.kexwatch.fleet.FleetRows.HostRow;
import dev.kexwatch.fleet.HostState;
import dev.kexwatch.metrics.OfferFacts.AlgorithmKey;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.Rule;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * The value of every fleet gauge at one moment. Every series that can exist is present, at zero where no host
 * counts, so a dashboard shows 0 rather than "no data" and an alert on a drop sees the drop.
 */
record FleetSnapshot(Map<HostState, Long> hostStates, Map<PolicyState, Long> policyStates,
        Map<FindingKey, Long> findings, Map<AlgorithmKey, Long> offering, Counts counts,
        Optional<Instant> lastSuccessfulScan, List<HostRow> perHost) {

    /** A series of {@code kexwatch_policy_hosts}. */
    record PolicyState(String policy, HostState state) {
    }

    /** The single-valued host gauges, and the hosts left out of the per-host series by the cap. */
    record Counts(long terrapinExposed, long postQuantum, long weak, long weakAppeared, long perHostDropped) {
    }

    /**
     * @param facts what is known about an offer, by offer id (the caller caches: offers never change)
     * @param perHostMax how many hosts get a per-host series; 0 when the series are off
     */
    static FleetSnapshot of(FleetRows rows, List<Policy> policies, Set<AlgorithmKey> algorithms,
            LongFunction<OfferFacts> facts, int perHostMax) {
        List<HostRow> hosts = rows.hosts();
        Map<AlgorithmKey, Long> offering = zeros(algorithms);
        hosts.forEach(h -> h.offerId().ifPresent(id -> facts.apply(id).algorithms()
                .forEach(key -> offering.merge(key, 1L, Long::sum))));
        Counts counts = new Counts(count(hosts, facts, OfferFacts::terrapinExposed),
                count(hosts, facts, OfferFacts::postQuantum), count(hosts, facts, OfferFacts::weak),
                hosts.stream().filter(h -> weakAppeared(h, rows.weakWindowStart(), facts)).count(),
                Math.max(0, hosts.size() - perHostMax));
        return new FleetSnapshot(hostStates(hosts), policyStates(hosts, policies), findings(rows, policies), offering,
                counts, rows.lastSuccessfulScan(), hosts.subList(0, Math.min(perHostMax, hosts.size())));
    }

    private static Map<HostState, Long> hostStates(List<HostRow> hosts) {
        Map<HostState, Long> states = new EnumMap<>(HostState.class);
        for (HostState state : HostState.values()) {
            states.put(state, 0L);
        }
        hosts.forEach(h -> states.merge(h.state(), 1L, Long::sum));
        return states;
    }

    /** A policy's view of a host: reachable hosts meet it unless it found something unwaived there. */
    private static Map<PolicyState, Long> policyStates(List<HostRow> hosts, List<Policy> policies) {
        Map<PolicyState, Long> states = new HashMap<>();
        for (Policy policy : policies) {
            for (HostState state : HostState.values()) {
                states.put(new PolicyState(policy.id(), state), 0L);
            }
            hosts.stream().filter(h -> policy.appliesTo(new HostRef(h.address(), h.port(), h.labels())))
                    .forEach(h -> states.merge(new PolicyState(policy.id(), stateUnder(policy, h)), 1L, Long::sum));
        }
        return states;
    }

    /**
     * A reachable host that this policy never judged (it came in force, or its selector took the host, since the
     * host was last judged) is not yet known to meet it: it counts as unscanned under it until judged.
     */
    private static HostState stateUnder(Policy policy, HostRow host) {
        if (host.state() == HostState.unscanned || host.state() == HostState.unreachable) {
            return host.state();
        }
        if (!host.judgedBy().contains(policy.id())) {
            return HostState.unscanned;
        }
        return host.policiesFailed().contains(policy.id()) ? HostState.non_compliant : HostState.compliant;
    }

    private static Map<FindingKey, Long> findings(FleetRows rows, List<Policy> policies) {
        Map<FindingKey, Long> findings = new HashMap<>();
        for (Policy policy : policies) {
            for (Rule rule : policy.rules()) {
                findings.put(new FindingKey(policy.id(), rule.id(), rule.severity().id()), 0L);
            }
        }
        findings.putAll(rows.findings());
        return findings;
    }

    /**
     * A regression, not old debt: the host's latest successful offers are weak, a successful one before them was
     * not, and the first weak one began at or after {@code since}. So the gauge stays raised for the whole window
     * however many unchanged scans follow (an alert must outlive Alertmanager's grouping), and drops as soon as
     * the host offers nothing weak again. A host that stops answering is not fixed: its last offer counts.
     */
    private static boolean weakAppeared(HostRow host, Instant since, LongFunction<OfferFacts> facts) {
        List<FleetRows.OkRun> runs = host.okRuns();
        int weak = 0;
        while (weak < runs.size() && facts.apply(runs.get(weak).offerId()).weak()) {
            weak++;
        }
        return weak > 0 && weak < runs.size() && !runs.get(weak - 1).firstSeen().isBefore(since);
    }

    private static long count(List<HostRow> hosts, LongFunction<OfferFacts> facts, Predicate<OfferFacts> test) {
        return hosts.stream().filter(h -> h.offerId().map(id -> test.test(facts.apply(id))).orElse(false)).count();
    }

    private static <K> Map<K, Long> zeros(Set<K> keys) {
        Map<K, Long> map = new HashMap<>();
        keys.forEach(k -> map.put(k, 0L));
        return map;
    }
}
