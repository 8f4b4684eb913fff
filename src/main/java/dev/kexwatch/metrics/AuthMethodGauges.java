package dev.kexwatch.metrics;

import dev.kexwatch.auth.AuthMethods;
import dev.kexwatch.authmethods.AuthMethodsConfig;
import dev.kexwatch.fleet.AuthMethodRecords;
import dev.kexwatch.fleet.AuthMethodsProbed;
import dev.kexwatch.fleet.InventoryChanged;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code kexwatch_hosts_auth_method{method}} and {@code kexwatch_hosts_auth_method_appeared{method}}: one series per
 * known method name and {@code other}, each present from the start (0), set from the database like the other fleet
 * gauges, so every replica exports the same values.
 */
@ApplicationScoped
public class AuthMethodGauges {

    static final String OTHER = "other";

    @Inject
    MeterRegistry registry;

    @Inject
    AuthMethodRecords records;

    @Inject
    AuthMethodsConfig config;

    @Inject
    Clock clock;

    private final Map<String, AtomicLong> hosts = new LinkedHashMap<>();
    private final Map<String, AtomicLong> appeared = new LinkedHashMap<>();

    void onStart(@Observes StartupEvent event) {
        List<String> names = new ArrayList<>(AuthMethods.KNOWN);
        names.add(OTHER);
        for (String method : names) {
            hosts.put(method, gauge(KexwatchMetrics.HOSTS_AUTH_METHOD, method,
                    "Enabled hosts whose latest auth-methods probe found the login method (none: let in without one)"));
            appeared.put(method, gauge(KexwatchMetrics.HOSTS_AUTH_METHOD_APPEARED, method,
                    "Enabled hosts where the login method appeared in the latest probe, for kexwatch.auth-methods.appeared-for"));
        }
        refresh();
    }

    void onProbed(@Observes AuthMethodsProbed event) {
        refresh();
    }

    /** Only enabled hosts count: a host disabled or removed leaves the counts at once. */
    void onInventory(@Observes InventoryChanged event) {
        refresh();
    }

    synchronized void refresh() {
        set(hosts, records.hostsByMethod(AuthMethods.KNOWN));
        set(appeared, records.appeared(AuthMethods.KNOWN, clock.instant().minus(config.appearedFor())));
    }

    private static void set(Map<String, AtomicLong> gauges, Map<String, Long> counts) {
        gauges.forEach((method, value) -> value.set(counts.getOrDefault(method, 0L)));
    }

    private AtomicLong gauge(String name, String method, String description) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::get).description(description).tag("method", method).register(registry);
        return value;
    }
}
