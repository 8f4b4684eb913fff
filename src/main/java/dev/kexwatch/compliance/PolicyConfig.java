package dev.kexwatch.compliance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

@ConfigMapping(prefix = "kexwatch.policy")
public interface PolicyConfig {

    /** Directory whose *.yaml files are the policies in force. */
    @WithDefault("policies")
    Path dir();

    /** How often the directory is checked for changed files. */
    @WithDefault("30s")
    String reloadEvery();
}
