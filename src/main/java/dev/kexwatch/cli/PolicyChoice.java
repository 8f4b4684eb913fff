package dev.kexwatch.cli;

import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves {@code --policy FILE|ID}: an existing file, else {@code policies/<ID>.yaml} under the working dir. */
final class PolicyChoice {

    static final String DEFAULT_ID = "baseline";
    static final Path POLICY_DIR = Path.of("policies");

    private PolicyChoice() {
    }

    static Path resolve(String fileOrId) {
        Path asFile = Path.of(fileOrId);
        if (Files.exists(asFile) || fileOrId.endsWith(".yaml") || fileOrId.endsWith(".yml")) {
            return asFile;
        }
        return POLICY_DIR.resolve(fileOrId + ".yaml");
    }

    /** Loads the policy; a missing or broken one throws {@link dev.kexwatch.policy.PolicyException}. */
    static Policy load(String fileOrId) {
        return new PolicyLoader().load(InputFile.small(resolve(fileOrId), "policy"));
    }
}
