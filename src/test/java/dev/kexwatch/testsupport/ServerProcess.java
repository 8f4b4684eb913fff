package dev.kexwatch.testsupport;

import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A real server binary running in the foreground on a loopback port, its files in a temp dir. */
final class ServerProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process process;

    private ServerProcess(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts {@code command} with output to {@code <dir>/server.log} and waits until the port accepts. */
    static ServerProcess start(Path dir, int port, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("server.log").toFile()).start();
            ServerProcess server = new ServerProcess(dir, port, process);
            try {
                Ports.awaitListening(port, Duration.ofSeconds(10), process::isAlive);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            return server;
        } catch (IOException e) {
            TempDirs.delete(dir);
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    int port() {
        return port;
    }

    Target target() {
        return new Target(Ports.LOOPBACK, port);
    }

    /** Stops the process but keeps its files, so the same command can start again ({@link #start}). */
    void stop() {
        Processes.stop(process);
    }

    @Override
    public void close() {
        Processes.stop(process);
        TempDirs.delete(dir);
    }
}
