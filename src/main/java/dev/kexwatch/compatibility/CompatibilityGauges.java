package dev.kexwatch.compatibility;

import dev.kexwatch.fleet.HostStatusChanged;
import dev.kexwatch.fleet.ScanFinished;
import dev.kexwatch.metrics.KexwatchMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code kexwatch_client_unreachable_hosts{profile}}: per client profile, the enabled hosts whose latest offer it
 * cannot negotiate with. One series per profile (tens), never per host. Refreshed at start, after every scan,
 * after policies re-judged hosts, and when profiles change.
 */
@ApplicationScoped
public class CompatibilityGauges {

    @Inject
    MeterRegistry registry;

    @Inject
    CompatibilityService service;

    @Inject
    PostQuantumGauges postQuantum;

    private final Map<String, AtomicLong> values = new HashMap<>();
    private final Map<String, Gauge> gauges = new HashMap<>();

    void onStart(@Observes StartupEvent event) {
        refresh();
    }

    void onScan(@Observes ScanFinished event) {
        refresh();
    }

    void onRejudge(@Observes HostStatusChanged event) {
        refresh();
    }

    void onProfiles(@Observes ProfilesChanged event) {
        refresh();
    }

    synchronized void refresh() {
        Map<String, Long> counts = service.unreachableCounts();
        counts.forEach((profile, count) -> values.computeIfAbsent(profile, this::register).set(count));
        gauges.keySet().stream().filter(p -> !counts.containsKey(p)).toList().forEach(this::unregister);
        postQuantum.refresh();
    }

    private AtomicLong register(String profile) {
        AtomicLong value = new AtomicLong();
        gauges.put(profile, Gauge.builder(KexwatchMetrics.CLIENT_UNREACHABLE_HOSTS, value, AtomicLong::get)
                .description("Enabled hosts whose latest offer this client profile cannot negotiate with")
                .tag("profile", profile).register(registry));
        return value;
    }

    private void unregister(String profile) {
        registry.remove(gauges.remove(profile));
        values.remove(profile);
    }
}
