package dev.kexwatch.fleet;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code kexwatch.shared.*}: how replicas learn of each other's changes. */
@ConfigMapping(prefix = "kexwatch.shared")
public interface SharedStateConfig {

    /**
     * How often a replica reads the change counters; a policy or profile changed on another replica is in force
     * here at most this long after. One primary-key read per kind per poll.
     */
    @WithDefault("2s")
    String pollEvery();
}
