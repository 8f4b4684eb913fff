package dev.kexwatch.metrics;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Per-host series on, capped at one host; its own application start also means an empty database. */
public class PerHostMetricsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kexwatch.metrics.per-host.enabled", "true", "kexwatch.metrics.per-host.max", "1");
    }
}
