package dev.kexwatch.inventory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "kexwatch.inventory")
public interface InventoryConfig {

    /** A YAML or CSV inventory imported at start-up. */
    Optional<Path> file();

    /** Addresses one CIDR entry may stand for at the most: a typo like /8 must not add 16 million hosts. */
    @WithDefault("65536")
    int maxRange();

    /**
     * Hosts one imported document may stand for at the most, CIDR blocks counted before they are expanded:
     * a few short lines of /16 must not exhaust the heap.
     */
    @WithDefault("250000")
    long maxHosts();
}
