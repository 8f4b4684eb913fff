package dev.kexwatch.negotiation;

import dev.kexwatch.testsupport.Ports;
import dev.kexwatch.testsupport.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * Dropbear or tinysshd (under tcpserver) on a random loopback port with keys generated into a temp dir.
 * Private to these tests: testsupport on main has OpenSSH and MINA launchers only.
 */
final class LoopbackDaemon implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process process;

    private LoopbackDaemon(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Dropbear 2022.83 in the foreground, one ed25519 and one RSA host key. */
    static LoopbackDaemon dropbear() {
        return start("kexwatch-dropbear", (dir, port) -> {
            Path ed = dir.resolve("ed25519");
            Path rsa = dir.resolve("rsa");
            Processes.run(List.of("dropbearkey", "-t", "ed25519", "-f", ed.toString()), dir);
            Processes.run(List.of("dropbearkey", "-t", "rsa", "-s", "2048", "-f", rsa.toString()), dir);
            return List.of("/usr/sbin/dropbear", "-F", "-E", "-r", ed.toString(), "-r", rsa.toString(), "-p",
                    Ports.LOOPBACK + ":" + port);
        });
    }

    /** tinysshd 20230101 behind tcpserver (it is an inetd-style daemon). */
    static LoopbackDaemon tinysshd() {
        return start("kexwatch-tinysshd", (dir, port) -> {
            Path keys = dir.resolve("keys");
            Processes.run(List.of("/usr/sbin/tinysshd-makekey", keys.toString()), dir);
            return List.of("/usr/bin/tcpserver", "-HRDl0", Ports.LOOPBACK, String.valueOf(port), "/usr/sbin/tinysshd",
                    keys.toString());
        });
    }

    private static LoopbackDaemon start(String prefix, BiFunction<Path, Integer, List<String>> command) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            int port = Ports.freePort();
            Process process = new ProcessBuilder(command.apply(dir, port)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("daemon.log").toFile()).start();
            LoopbackDaemon daemon = new LoopbackDaemon(dir, port, process);
            Ports.awaitListening(port, Duration.ofSeconds(10), process::isAlive);
            return daemon;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
