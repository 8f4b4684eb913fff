package dev.kexwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.fleet.FleetRows;
import dev.kexwatch.fleet.FleetRows.FindingKey;
import dev.kexwatch.fleet.FleetRows.HostRow;
import dev.kexwatch.fleet.FleetRows.OkRun;
import dev.kexwatch.fleet.HostState;
import dev.kexwatch.metrics.FleetSnapshot.PolicyState;
import dev.kexwatch.metrics.OfferFacts.AlgorithmKey;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyLoader;
import dev.kexwatch.testsupport.OfferFixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fleet gauges computed from database rows, with the shipped policies and real captured offers. */
class FleetSnapshotTest {

    private static final AlgorithmCatalog CATALOG = AlgorithmCatalog.builtin();
    private static final List<Policy> POLICIES = new PolicyLoader().loadDirectory(Path.of("policies"));
    private static final Set<String> ALL = Set.copyOf(POLICIES.stream().map(Policy::id).toList());
    private static final long HARDENED = 1;
    private static final long LEGACY = 2;
    private static final Map<Long, ServerOffer> OFFERS = Map.of(HARDENED, OfferFixtures.captured("openssh-hardened"),
            LEGACY, OfferFixtures.captured("openssh-legacy"));

    @Test
    void hostsAreCountedByStateOverallAndUnderEachPolicyThatAppliesToThem() {
        FleetSnapshot snapshot = snapshot(fleet(false), 0);

        assertThat(snapshot.hostStates()).containsEntry(HostState.compliant, 1L)
                .containsEntry(HostState.non_compliant, 1L).containsEntry(HostState.unreachable, 1L)
                .containsEntry(HostState.unscanned, 1L);
        assertThat(snapshot.policyStates()).containsEntry(new PolicyState("baseline", HostState.compliant), 1L)
                .containsEntry(new PolicyState("baseline", HostState.non_compliant), 1L)
                .containsEntry(new PolicyState("baseline", HostState.unreachable), 1L)
                .containsEntry(new PolicyState("baseline", HostState.unscanned), 1L);
        // hardened-openssh selects profile=hardened: only the first host.
        assertThat(snapshot.policyStates()).containsEntry(new PolicyState("hardened-openssh", HostState.compliant), 1L)
                .containsEntry(new PolicyState("hardened-openssh", HostState.non_compliant), 0L)
                .containsEntry(new PolicyState("hardened-openssh", HostState.unscanned), 0L);
    }

    @Test
    void aHostAPolicyNeverJudgedIsNotCountedCompliantUnderIt() {
        HostRow judgedBeforeHardenedCameIn = new HostRow(10, "127.0.9.10", 22, Map.of("profile", "hardened"),
                HostState.compliant, Optional.of(HARDENED), List.of(), Set.of(), Set.of("baseline"));

        FleetSnapshot snapshot = snapshot(List.of(judgedBeforeHardenedCameIn), 0);

        assertThat(snapshot.policyStates()).containsEntry(new PolicyState("baseline", HostState.compliant), 1L)
                .containsEntry(new PolicyState("hardened-openssh", HostState.compliant), 0L)
                .containsEntry(new PolicyState("hardened-openssh", HostState.unscanned), 1L);
    }

    @Test
    void everyRuleOfEveryPolicyHasAFindingSeriesAtZeroUntilSomethingIsFound() {
        FleetSnapshot snapshot = snapshot(fleet(false), 0);

        long rules = POLICIES.stream().mapToLong(p -> p.rules().size()).sum();
        assertThat(snapshot.findings()).hasSize((int) rules)
                .containsEntry(new FindingKey("baseline", "no-group1-kex", "high"), 3L)
                .containsEntry(new FindingKey("baseline", "no-sha1-kex", "medium"), 0L);
    }

    @Test
    void algorithmTerrapinPostQuantumAndWeakCountsComeFromTheCurrentOffers() {
        FleetSnapshot snapshot = snapshot(fleet(false), 0);

        assertThat(snapshot.offering()).hasSize(AlgorithmKey.all(CATALOG).size())
                .containsEntry(new AlgorithmKey("kex", "diffie-hellman-group1-sha1", "insecure"), 1L)
                .containsEntry(new AlgorithmKey("kex", "curve25519-sha256", "ok"), 2L)
                .containsEntry(AlgorithmKey.unknown(dev.kexwatch.algorithm.Category.KEX), 0L);
        assertThat(snapshot.counts().postQuantum()).isEqualTo(2);
        assertThat(snapshot.counts().weak()).isEqualTo(1);
        assertThat(snapshot.counts().terrapinExposed()).isZero();
        assertThat(snapshot.lastSuccessfulScan()).contains(Instant.parse("2026-01-02T02:00:00Z"));
    }

    @Test
    void aWeakAlgorithmAppearsOnlyOnAHostThatHadNoneAndStaysAppearedForTheWindow() {
        assertThat(snapshot(fleet(true), 0).counts().weakAppeared()).isEqualTo(1);
        assertThat(snapshot(fleet(false), 0).counts().weakAppeared()).isZero();
        HostRow alwaysWeak = legacyHost(List.of(run(LEGACY, "2026-01-02T02:00:00Z"), run(LEGACY, "2026-01-01T02:00:00Z")));
        assertThat(snapshot(List.of(alwaysWeak), 0).counts().weakAppeared()).isZero();
        HostRow weakTwiceSinceGood = legacyHost(List.of(run(LEGACY, "2026-01-02T01:00:00Z"),
                run(LEGACY, "2026-01-01T20:00:00Z"), run(HARDENED, "2026-01-01T02:00:00Z")));
        assertThat(snapshot(List.of(weakTwiceSinceGood), 0).counts().weakAppeared())
                .as("the first weak run since the good one began inside the window").isEqualTo(1);
        HostRow appearedLongAgo = legacyHost(List.of(run(LEGACY, "2025-12-30T02:00:00Z"),
                run(HARDENED, "2025-12-29T02:00:00Z")));
        assertThat(snapshot(List.of(appearedLongAgo), 0).counts().weakAppeared()).as("window over").isZero();
        HostRow fixed = legacyHost(List.of(run(HARDENED, "2026-01-02T01:00:00Z"), run(LEGACY, "2026-01-01T20:00:00Z"),
                run(HARDENED, "2026-01-01T02:00:00Z")));
        assertThat(snapshot(List.of(fixed), 0).counts().weakAppeared()).as("fixed").isZero();
    }

    @Test
    void perHostSeriesStopAtTheCapAndCountTheRest() {
        FleetSnapshot capped = snapshot(fleet(false), 3);

        assertThat(capped.perHost()).extracting(HostRow::id).containsExactly(10L, 11L, 12L);
        assertThat(capped.counts().perHostDropped()).isEqualTo(1);
        assertThat(snapshot(fleet(false), 0).perHost()).isEmpty();
        assertThat(capped.perHost().get(0).endpoint()).isEqualTo("127.0.9.10:22");
        assertThat(new HostRow(1, "::1", 2222, Map.of(), HostState.unscanned, Optional.empty(), List.of(), Set.of(), Set.of())
                .endpoint()).isEqualTo("[::1]:2222");
    }

    /** A compliant hardened host, a legacy one, an unreachable and an unscanned one. */
    private static List<HostRow> fleet(boolean legacyIsNew) {
        return List.of(
                new HostRow(10, "127.0.9.10", 22, Map.of("profile", "hardened"), HostState.compliant,
                        Optional.of(HARDENED), List.of(), Set.of(), ALL),
                legacyHost(legacyIsNew ? List.of(run(LEGACY, "2026-01-02T02:00:00Z"), run(HARDENED, "2026-01-01T02:00:00Z"))
                        : List.of()),
                new HostRow(12, "127.0.9.12", 22, Map.of(), HostState.unreachable, Optional.empty(), List.of(), Set.of(), Set.of()),
                new HostRow(13, "127.0.9.13", 22, Map.of(), HostState.unscanned, Optional.empty(), List.of(), Set.of(), Set.of()));
    }

    private static HostRow legacyHost(List<OkRun> okRuns) {
        return new HostRow(11, "127.0.9.11", 22, Map.of("env", "prod"), HostState.non_compliant, Optional.of(LEGACY),
                okRuns, Set.of("baseline"), ALL);
    }

    private static OkRun run(long offerId, String firstSeen) {
        return new OkRun(offerId, Instant.parse(firstSeen));
    }

    private static FleetSnapshot snapshot(List<HostRow> hosts, int perHostMax) {
        FleetRows rows = new FleetRows(hosts, OFFERS, Map.of(new FindingKey("baseline", "no-group1-kex", "high"), 3L),
                Optional.of(Instant.parse("2026-01-02T02:00:00Z")), Instant.parse("2026-01-01T03:00:00Z"));
        return FleetSnapshot.of(rows, POLICIES, AlgorithmKey.all(CATALOG),
                id -> OfferFacts.of(rows.offers().get(id), CATALOG), perHostMax);
    }
}
