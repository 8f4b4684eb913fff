package dev.kexwatch.scan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The deep handshake's own cadence (issue 12): host keys and group sizes change rarely and cost a few connections
 * per host, so they are asked for once per {@link #every()}, while the KEXINIT is read on every scan.
 */
@ConfigMapping(prefix = "kexwatch.deep")
public interface DeepConfig {

    /** Off: the service reads KEXINITs only, and the deep rules find nothing. */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often one host gets a deep handshake, after the scan that finds it due. A host counts as due when less
     * than a 24th of this is left, so a daily scan that starts a few minutes early still does it.
     */
    @WithDefault("24h")
    Duration every();

    /** Addresses deep-probed at once; each address gets one connection at a time. */
    @WithDefault("16")
    int concurrency();

    /** Deadline of each deep connection (one key exchange, or one group-size request). */
    @WithDefault("10s")
    Duration timeout();
}
