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
        if (isFile(fileOrId)) {
            return new PolicyLoader().load(InputFile.small(asFile, "policy"));
        }
        return ShippedPolicies.byId(fileOrId).orElseThrow(() -> new PolicyException("no policy file or shipped policy '"
                + fileOrId + "'; shipped: " + String.join(", ", ShippedPolicies.IDS)
                + "; packs: " + String.join(", ", ShippedPolicies.PACKS)));
    }

    /**
     * Whether {@link #load} will read a shipped policy: one that cannot be broken (the tests parse every one), so a
     * scan need not wait for it before its first probe.
     */
    static boolean isShipped(String fileOrId) {
        return !isFile(fileOrId) && ShippedPolicies.has(fileOrId);
    }

    private static boolean isFile(String fileOrId) {
        return Files.exists(Path.of(fileOrId)) || fileOrId.endsWith(".yaml") || fileOrId.endsWith(".yml");
    }
}
