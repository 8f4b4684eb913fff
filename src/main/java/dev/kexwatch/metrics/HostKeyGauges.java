package dev.kexwatch.metrics;

import dev.kexwatch.fleet.DeepFleetViews.Counts;
import dev.kexwatch.fleet.DeepQueries;
import dev.kexwatch.fleet.HostStatusChanged;
import dev.kexwatch.fleet.ScanFinished;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The deep handshake's fleet gauges (issue 12): three plain counts, no label, so their cardinality is fixed
 * whatever the fleet. Set from the database at start and after each deep pass (which ends in a
 * {@link HostStatusChanged}).
 */
@ApplicationScoped
public class HostKeyGauges {

    @Inject
    MeterRegistry registry;

    @Inject
    DeepQueries queries;

    private final AtomicReference<Counts> counts = new AtomicReference<>(new Counts(0, 0, 0));

    void onStart(@Observes StartupEvent event) {
        Gauge.builder(KexwatchMetrics.HOSTS_SHARED_HOST_KEY, counts, c -> c.get().sharedHostKey())
                .description("Enabled hosts showing a host key that a host on another address shows too")
                .register(registry);
        Gauge.builder(KexwatchMetrics.HOST_KEY_CHANGES, counts, c -> c.get().hostKeyChanges())
                .description("Hosts whose host keys changed, appeared or went away in the latest deep pass")
                .register(registry);
        Gauge.builder(KexwatchMetrics.HOSTS_WEAK_HOST_KEY, counts, c -> c.get().weakHostKey())
                .description("Enabled hosts showing an RSA host key below 2048 bits or a DSA host key")
                .register(registry);
        refresh();
    }

    void onDeepPass(@Observes HostStatusChanged event) {
        refresh();
    }

    /** Hosts enabled, disabled or removed since count differently; a scan is when the other fleet gauges move. */
    void onScan(@Observes ScanFinished event) {
        refresh();
    }

    synchronized void refresh() {
        counts.set(queries.counts());
    }
}
