package dev.kexwatch.probe;

import java.time.Duration;

/**
 * Probe limits.
 *
 * @param deadline the whole probe of one target, connect to KEXINIT, must end within this
 * @param concurrency probes in flight at once in {@link ProbeEngine#probeAll}
 * @param maxBytes bytes read from one target at the most before the probe gives up (hostile servers)
 */
public record ProbeSettings(Duration deadline, int concurrency, int maxBytes) {

    public static final ProbeSettings DEFAULT = new ProbeSettings(Duration.ofSeconds(10), 64, 256 * 1024);

    public ProbeSettings {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("probe deadline must be positive");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("probe concurrency must be at least 1");
        }
    }
}
