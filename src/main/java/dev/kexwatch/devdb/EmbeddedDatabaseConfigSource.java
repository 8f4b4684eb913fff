package dev.kexwatch.devdb;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Dev mode and tests on a machine with Java alone: where no datasource URL is configured and no Docker runs
 * (so Quarkus Dev Services cannot start its PostgreSQL container), points the datasource at an
 * {@link EmbeddedDatabase} started for this JVM. A configured URL always wins (this source then says nothing), and
 * where Docker runs Dev Services does the job. Never in the prod profile: the packaged service needs a URL.
 */
public final class EmbeddedDatabaseConfigSource implements ConfigSourceFactory {

    private static final String URL = "quarkus.datasource.jdbc.url";
    private static final String USER = "quarkus.datasource.username";
    /** Below every other source: only the URL nobody else gave. */
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!wanted(context)) {
            return List.of();
        }
        return List.of(new Embedded());
    }

    /**
     * Starts the server when the URL is first read, not when the source is made: Maven's code generation reads
     * the configuration too, and a server started there would serve nobody.
     */
    private static final class Embedded implements ConfigSource {

        @Override
        public Set<String> getPropertyNames() {
            return Set.of(URL, USER);
        }

        @Override
        public String getValue(String name) {
            return switch (name) {
                case URL -> EmbeddedDatabase.shared();
                case USER -> "postgres";
                default -> null;
            };
        }

        @Override
        public String getName() {
            return "kexwatch embedded PostgreSQL";
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }
    }

    private static boolean wanted(ConfigSourceContext context) {
        boolean devOrTest = context.getProfiles().contains("dev") || context.getProfiles().contains("test");
        return devOrTest && context.getValue(URL).getValue() == null && !dockerRuns() && embeddedOnClassPath();
    }

    /** The places Testcontainers (under Dev Services) looks first: where neither is, there is no Docker to use. */
    private static boolean dockerRuns() {
        return System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
    }

    /** A {@code provided} dependency: absent from the packaged service. */
    private static boolean embeddedOnClassPath() {
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false,
                    EmbeddedDatabaseConfigSource.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
