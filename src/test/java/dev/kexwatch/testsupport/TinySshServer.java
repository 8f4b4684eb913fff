package dev.kexwatch.testsupport;

import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's tinysshd under ucspi-tcp's {@code tcpserver} (tinysshd speaks on stdin/stdout; tcpserver
 * accepts and forks it per connection), keys made by {@code tinysshd-makekey}.
 */
public final class TinySshServer implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process process;

    private TinySshServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    public static TinySshServer start() {
        Path dir = TempDirs.create("kexwatch-tinysshd");
        Path keys = dir.resolve("keys");
        Processes.run(List.of("tinysshd-makekey", keys.toString()), dir);
        int port = Ports.freePort();
        // -H -R: no DNS or ident lookups of the peer; -D: TCP_NODELAY; -l0: local name "0", no lookup.
        List<String> command = List.of("/usr/bin/tcpserver", "-HRDl0", Ports.LOOPBACK, String.valueOf(port),
                "/usr/sbin/tinysshd", keys.toString());
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("tinysshd.log").toFile()).start();
            TinySshServer server = new TinySshServer(dir, port, process);
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
