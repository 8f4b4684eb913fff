package dev.kexwatch.metrics;

import dev.kexwatch.compliance.PolicyRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Exposes the state of the policy set, so an alert fires when a bad edit left the old policies in force. */
@ApplicationScoped
public class PolicyGauges {

    @Inject
    MeterRegistry registry;

    @Inject
    PolicyRegistry policies;

    void register(@Observes StartupEvent event) {
        Gauge.builder(KexwatchMetrics.POLICY_LOAD_ERRORS, policies, p -> p.status().problems().size())
                .description("Problems found by the last policy load (0: the files on disk are in force)")
                .register(registry);
    }
}
