package dev.kexwatch.faults;

import dev.kexwatch.testsupport.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The machine's PostgreSQL cluster (Debian's {@code pg_ctlcluster}), the one the tests' datasource points at
 * (see the pom's {@code local-postgres} profile and {@code .ci/run}). Stopping it disturbs anything else using
 * it: CI runs nothing else meanwhile.
 */
final class LocalCluster {

    private static final Path CONFIGS = Path.of("/etc/postgresql");

    private LocalCluster() {
    }

    /** True where a Debian cluster exists to stop and start (not where Dev Services runs a container). */
    static boolean available() {
        return Files.isDirectory(CONFIGS) && Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster"));
    }

    /** Fast shutdown: open sessions are cut off, as in a crash or failover from the client's side. */
    static void stop() {
        pgCtl("stop", "-m", "fast");
    }

    static void start() {
        pgCtl("start");
    }

    /** Starts the cluster if it is down, so a failing test never leaves the machine without its database. */
    static void ensureRunning() {
        if (!Processes.succeeds(List.of("pg_ctlcluster", version(), "main", "status"))) {
            start();
        }
    }

    private static void pgCtl(String action, String... options) {
        Processes.run(Stream.concat(Stream.of("pg_ctlcluster", "--skip-systemctl-redirect", version(), "main", action),
                Stream.of(options)).toList(), Path.of("."));
    }

    private static String version() {
        try (Stream<Path> versions = Files.list(CONFIGS)) {
            return versions.map(p -> p.getFileName().toString()).sorted().findFirst()
                    .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster under " + CONFIGS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
