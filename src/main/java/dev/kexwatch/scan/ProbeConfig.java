package dev.kexwatch.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "kexwatch.probe")
public interface ProbeConfig {

    /** Deadline for one host: connect, identification and KEXINIT together. */
    @WithDefault("10s")
    Duration timeout();

    /** Deadline for the TCP connection (a filtered or powered-off host). */
    @WithDefault("3s")
    Duration connectTimeout();

    /** Deadline for the server's identification line, from the connection (a host that accepts and says nothing). */
    @WithDefault("5s")
    Duration identificationTimeout();

    /** Deadline for the server's KEXINIT, from its identification line. */
    @WithDefault("5s")
    Duration kexinitTimeout();

    /**
     * Probes working at once; a probe whose host has not answered within a second only waits and makes room for
     * another, up to 4 times this many in flight (see ProbeEngine.STALL_AFTER).
     */
    @WithDefault("256")
    int concurrency();

    /** Bytes read from one host at the most; a hostile server cannot make us buffer more. */
    @WithDefault("262144")
    int maxBytes();
}
