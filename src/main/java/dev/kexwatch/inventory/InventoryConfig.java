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
}
