package dev.kexwatch.metrics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

@ConfigMapping(prefix = "kexwatch.metrics")
public interface MetricsConfig {

    @WithName("per-host")
    PerHost perHost();

    /**
     * The share (0 to 1) of the enabled hosts a finished scan must have covered to count as a successful scan of
     * the fleet ({@code kexwatch_last_successful_scan_timestamp_seconds}); 1: only scans of every enabled host.
     */
    @WithName("successful-scan-share")
    @WithDefault("1.0")
    double successfulScanShare();

    /** How long {@code kexwatch_hosts_weak_appeared} keeps counting a host after a weak algorithm appeared on it. */
    @WithName("weak-appeared-for")
    @WithDefault("24h")
    Duration weakAppearedFor();

    /** The opt-in {@code kexwatch_host_state} series: one per host, so off by default and capped. */
    interface PerHost {

        @WithDefault("false")
        boolean enabled();

        /** At most this many hosts get a series (lowest host ids first, so the set is stable between scans). */
        @WithDefault("500")
        int max();
    }
}
