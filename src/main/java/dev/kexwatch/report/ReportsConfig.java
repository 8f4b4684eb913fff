package dev.kexwatch.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** {@code kexwatch.reports.*}: how the service readies its reports. */
@ConfigMapping(prefix = "kexwatch.reports")
public interface ReportsConfig {

    /** The reports asked at start-up, before the service takes requests ({@link ReportWarmup}). */
    WarmUp warmUp();

    interface WarmUp {

        /** Rounds of every report; 0 asks none. */
        @WithDefault("100")
        int rounds();

        /** Start-up waits at most this long for them; the rounds left are skipped. */
        @WithDefault("10s")
        Duration atMost();
    }
}
