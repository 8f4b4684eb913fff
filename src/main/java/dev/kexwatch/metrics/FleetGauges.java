package dev.kexwatch.metrics;

import dev.kexwatch.report.ComplianceQueries;
import dev.kexwatch.scan.HostStatusChanged;
import dev.kexwatch.scan.ScanFinished;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Keeps the fleet-level gauges in step with the stored results: at start and after every scan. */
@ApplicationScoped
public class FleetGauges {

    @Inject
    ComplianceQueries queries;

    @Inject
    KexwatchMetrics metrics;

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    void onScan(@Observes ScanFinished event) {
        refresh();
    }

    void onRejudge(@Observes HostStatusChanged event) {
        refresh();
    }

    void refresh() {
        metrics.hostStates(queries.stateCounts());
    }
}
