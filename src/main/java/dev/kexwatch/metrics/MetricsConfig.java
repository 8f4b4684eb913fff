package dev.kexwatch.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "kexwatch.metrics")
public interface MetricsConfig {

    @WithName("per-host")
    PerHost perHost();

    /** The opt-in {@code kexwatch_host_state} series: one per host, so off by default and capped. */
    interface PerHost {

        @WithDefault("false")
        boolean enabled();

        /** At most this many hosts get a series (lowest host ids first, so the set is stable between scans). */
        @WithDefault("500")
        int max();
    }
}
