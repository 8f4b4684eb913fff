package dev.kexwatch.testsupport;

import dev.kexwatch.probe.Target;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's Dropbear in the foreground on a random loopback port, with ed25519, ECDSA and RSA host keys
 * made by {@code dropbearkey}. Dropbear resets connections above a handful of concurrent unauthenticated
 * ones from one source, so probe it a few at a time.
 */
public final class DropbearServer implements AutoCloseable {

    private final ServerProcess server;

    private DropbearServer(ServerProcess server) {
        this.server = server;
    }

    public static DropbearServer start() {
        return start("-s");
    }

    /** With these options instead of {@code -s} (e.g. {@code -g}: no password logins for root only). */
    public static DropbearServer start(String... options) {
        Path dir = TempDirs.create("kexwatch-dropbear");
        List<String> command = new ArrayList<>(List.of("/usr/sbin/dropbear", "-F", "-E"));
        command.addAll(List.of(options));
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            Path key = dir.resolve("dropbear_" + type + "_host_key");
            Processes.run(List.of("dropbearkey", "-t", type, "-f", key.toString()), dir);
            command.addAll(List.of("-r", key.toString()));
        }
        int port = Ports.freePort();
        command.addAll(List.of("-p", Ports.LOOPBACK + ":" + port));
        return new DropbearServer(ServerProcess.start(dir, port, command));
    }

    public Target target() {
        return server.target();
    }

    @Override
    public void close() {
        server.close();
    }
}
