package dev.kexwatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version} from the build: Maven filters {@code version.properties} with the project's version, so
 * the number is never typed twice. The jar manifest's Implementation-Version is the fallback.
 */
final class BuildVersion implements IVersionProvider {

    static final String RESOURCE = "/dev/kexwatch/cli/version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {"kexwatch " + number(), "Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")"};
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" only for a build that lost its resource. */
    static String number() {
        try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("version", "");
                if (!version.isBlank() && !version.startsWith("${")) {
                    return version;
                }
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        String manifest = BuildVersion.class.getPackage().getImplementationVersion();
        return manifest == null ? "unknown" : manifest;
    }
}
