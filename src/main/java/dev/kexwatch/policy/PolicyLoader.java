package dev.kexwatch.policy;

import java.nio.file.Path;
import java.util.List;

/** Reads policies from YAML (TODO(policy helper)). */
public final class PolicyLoader {

    /** One policy file; a broken one throws {@link PolicyException} naming file, line and column. */
    public Policy load(Path file) {
        throw new UnsupportedOperationException("TODO(policy helper)");
    }

    /** Every {@code *.yaml} and {@code *.yml} file in a directory. */
    public List<Policy> loadDirectory(Path dir) {
        throw new UnsupportedOperationException("TODO(policy helper)");
    }
}
