package dev.kexwatch.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "kexwatch.scan")
public interface ScanConfig {

    /** When the scheduled scan runs (Quartz-style cron), nightly by default. */
    @WithDefault("0 0 2 * * ?")
    String cron();

    /** Scan once right after start-up. */
    @WithDefault("false")
    boolean onStart();

    /** Networks and domains that may be scanned; read and defaulted by {@link dev.kexwatch.security.ScanTargetGuard}. */
    Optional<List<String>> allow();
}
