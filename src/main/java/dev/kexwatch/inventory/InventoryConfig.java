package dev.kexwatch.inventory;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "kexwatch.inventory")
public interface InventoryConfig {

    /** A YAML inventory imported at start-up. */
    Optional<Path> file();
}
