package dev.kexwatch.testsupport;

import dev.kexwatch.probe.Target;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's tinysshd under ucspi-tcp's {@code tcpserver} (tinysshd speaks on stdin/stdout; tcpserver
 * accepts and forks it per connection), keys made by {@code tinysshd-makekey}.
 */
public final class TinySshServer implements AutoCloseable {

    private final ServerProcess server;

    private TinySshServer(ServerProcess server) {
        this.server = server;
    }

    public static TinySshServer start() {
        Path dir = TempDirs.create("kexwatch-tinysshd");
        Path keys = dir.resolve("keys");
        Processes.run(List.of("tinysshd-makekey", keys.toString()), dir);
        int port = Ports.freePort();
        // -H -R: no DNS or ident lookups of the peer; -D: TCP_NODELAY; -l0: local name "0", no lookup.
        return new TinySshServer(ServerProcess.start(dir, port, List.of("/usr/bin/tcpserver", "-HRDl0",
                Ports.LOOPBACK, String.valueOf(port), "/usr/sbin/tinysshd", keys.toString())));
    }

    public Target target() {
        return server.target();
    }

    @Override
    public void close() {
        server.close();
    }
}
