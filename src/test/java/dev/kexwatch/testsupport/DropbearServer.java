package dev.kexwatch.testsupport;

import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's Dropbear in the foreground on a random loopback port, with ed25519, ECDSA and RSA host keys
 * made by {@code dropbearkey}. Dropbear resets connections above a handful of concurrent unauthenticated
 * ones from one source, so probe it a few at a time.
 */
public final class DropbearServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process process;

    private DropbearServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    public static DropbearServer start() {
        Path dir = TempDirs.create("kexwatch-dropbear");
        List<String> command = new ArrayList<>(List.of("/usr/sbin/dropbear", "-F", "-E", "-s"));
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            Path key = dir.resolve("dropbear_" + type + "_host_key");
            Processes.run(List.of("dropbearkey", "-t", type, "-f", key.toString()), dir);
            command.addAll(List.of("-r", key.toString()));
        }
        int port = Ports.freePort();
        command.addAll(List.of("-p", Ports.LOOPBACK + ":" + port));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("dropbear.log").toFile()).start();
            DropbearServer server = new DropbearServer(dir, port, process);
            Ports.awaitListening(port, Duration.ofSeconds(10), process::isAlive);
            return server;
        } catch (IOException e) {
            TempDirs.delete(dir);
            throw new UncheckedIOException(e);
        }
    }

    public Target target() {
        return new Target(Ports.LOOPBACK, port);
    }

    @Override
    public void close() {
        Processes.stop(process);
        TempDirs.delete(dir);
    }
}
