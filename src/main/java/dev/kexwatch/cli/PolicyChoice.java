package dev.kexwatch.cli;

import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyException;
import dev.kexwatch.policy.PolicyLoader;
import dev.kexwatch.policy.ShippedPolicies;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves {@code --policy FILE|ID}: an existing file (or any name ending in .yaml/.yml), else a shipped policy id,
 * read from the classpath so the working directory does not matter.
 */
final class PolicyChoice {

    static final String DEFAULT_ID = "baseline";

    private PolicyChoice() {
    }

    /** Loads the policy; a missing or broken one throws {@link PolicyException}. */
    static Policy load(String fileOrId) {
        Path asFile = Path.of(fileOrId);
        if (Files.exists(asFile) || fileOrId.endsWith(".yaml") || fileOrId.endsWith(".yml")) {
            return new PolicyLoader().load(InputFile.small(asFile, "policy"));
        }
        return ShippedPolicies.byId(fileOrId).orElseThrow(() -> new PolicyException("no policy file or shipped policy '"
                + fileOrId + "'; shipped: " + String.join(", ", ShippedPolicies.IDS)
                + "; packs: " + String.join(", ", ShippedPolicies.PACKS)));
    }
}
