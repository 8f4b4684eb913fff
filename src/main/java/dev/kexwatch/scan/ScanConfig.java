package dev.kexwatch.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "kexwatch.scan")
public interface ScanConfig {

    /** When the scheduled scan runs (Quartz-style cron), nightly by default. */
    @WithDefault("0 0 2 * * ?")
    String cron();

    /** Scan once right after start-up. */
    @WithDefault("false")
    boolean onStart();
}
