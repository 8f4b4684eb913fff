package dev.kexwatch.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "kexwatch.probe")
public interface ProbeConfig {

    /** Deadline for one host: connect, identification and KEXINIT together. */
    @WithDefault("10s")
    Duration timeout();

    /** Probes in flight at once. */
    @WithDefault("64")
    int concurrency();

    /** Bytes read from one host at the most; a hostile server cannot make us buffer more. */
    @WithDefault("262144")
    int maxBytes();
}
