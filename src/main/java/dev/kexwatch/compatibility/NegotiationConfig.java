package dev.kexwatch.compatibility;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** {@code kexwatch.negotiation.*}: where user client profiles come from. */
@ConfigMapping(prefix = "kexwatch.negotiation")
public interface NegotiationConfig {

    /** A YAML file of client profiles (same format as the built-in clients.yaml), read at start. */
    Optional<Path> profilesFile();
}
