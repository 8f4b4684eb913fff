package dev.kexwatch.compatibility;

import dev.kexwatch.metrics.KexwatchMetrics;
import dev.kexwatch.negotiation.PqStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.MultiGauge.Row;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kexwatch_client_pq_hosts{profile,status}}: per client profile, the enabled hosts by post-quantum status
 * ({@link PqStatus}). Profiles × 5 series, never per host. Refreshed by {@link CompatibilityGauges}, on the same
 * events.
 */
@ApplicationScoped
public class PostQuantumGauges {

    @Inject
    MeterRegistry registry;

    @Inject
    PostQuantumService service;

    private MultiGauge gauge;

    synchronized void refresh() {
        if (gauge == null) {
            gauge = MultiGauge.builder(KexwatchMetrics.CLIENT_PQ_HOSTS)
                    .description("Enabled hosts per client profile and post-quantum key exchange status").register(registry);
        }
        List<Row<?>> rows = new ArrayList<>();
        for (Map.Entry<String, Map<PqStatus, Long>> profile : service.counts().entrySet()) {
            profile.getValue().forEach((status, hosts) -> rows.add(
                    Row.of(Tags.of("profile", profile.getKey(), "status", status.id()), hosts)));
        }
        gauge.register(rows, true); // overwrite: a removed profile's rows go
    }
}
