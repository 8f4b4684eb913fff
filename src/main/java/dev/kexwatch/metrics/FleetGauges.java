package dev.kexwatch.metrics;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.compliance.PoliciesChanged;
import dev.kexwatch.compliance.PolicyRegistry;
import dev.kexwatch.fleet.FleetRows;
import dev.kexwatch.fleet.HostStatusChanged;
import dev.kexwatch.fleet.MetricsQueries;
import dev.kexwatch.fleet.ScanFinished;
import dev.kexwatch.metrics.OfferFacts.AlgorithmKey;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the fleet-level gauges in step with the stored results: at start, after every scan, on policy changes. */
@ApplicationScoped
public class FleetGauges {

    private static final AlgorithmCatalog CATALOG = AlgorithmCatalog.builtin();
    private static final Set<AlgorithmKey> ALGORITHMS = AlgorithmKey.all(CATALOG);

    @Inject
    MetricsQueries queries;

    @Inject
    PolicyRegistry policies;

    @Inject
    KexwatchMetrics metrics;

    @Inject
    MetricsConfig config;

    @Inject
    Clock clock;

    /** Stored offers never change, so what is known about one is computed once. */
    private final Map<Long, OfferFacts> facts = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    void onScan(@Observes ScanFinished event) {
        refresh();
    }

    void onRejudge(@Observes HostStatusChanged event) {
        refresh();
    }

    /** A new policy set brings new rules (zero series) even before any host is re-judged. */
    void onPolicies(@Observes PoliciesChanged event) {
        refresh();
    }

    synchronized void refresh() {
        FleetRows rows = queries.read(clock.instant().minus(config.weakAppearedFor()), config.successfulScanShare());
        facts.keySet().retainAll(rows.offers().keySet());
        metrics.update(FleetSnapshot.of(rows, policies.policies().policies(), ALGORITHMS,
                id -> facts.computeIfAbsent(id, k -> OfferFacts.of(rows.offers().get(k), CATALOG)),
                metrics.perHostLimit()));
    }
}
