package dev.kexwatch.testsupport;

import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Debian's OpenSSH {@code sshd} in the foreground on a random loopback port, with host keys generated into
 * a temp dir and the caller's extra {@code sshd_config} lines. {@link #effectiveConfig()} reads back what
 * it will offer ({@code sshd -T}), which is what tests compare captured lists with.
 */
public final class OpenSshServer implements AutoCloseable {

    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Path PRIVSEP_DIR = Path.of("/run/sshd");

    private final ServerProcess server;
    private final Path config;

    private OpenSshServer(ServerProcess server, Path config) {
        this.server = server;
        this.config = config;
    }

    /** Starts sshd with its defaults plus {@code extraConfig} lines (e.g. {@code KexAlgorithms +...}). */
    public static OpenSshServer start(String... extraConfig) {
        Path dir = TempDirs.create("kexwatch-sshd");
        try {
            Files.createDirectories(PRIVSEP_DIR); // sshd refuses to start without its privsep dir
            List<Path> keys = generateHostKeys(dir);
            int port = Ports.freePort();
            Path config = dir.resolve("sshd_config");
            Files.writeString(config, configText(port, keys, List.of(extraConfig)));
            return new OpenSshServer(ServerProcess.start(dir, port,
                    List.of(SSHD.toString(), "-D", "-e", "-f", config.toString())), config);
        } catch (IOException e) {
            TempDirs.delete(dir);
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> generateHostKeys(Path dir) {
        List<Path> keys = new ArrayList<>();
        for (String type : List.of("ed25519", "ecdsa", "rsa")) {
            Path key = dir.resolve("ssh_host_" + type + "_key");
            List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-f",
                    key.toString()));
            if (type.equals("rsa")) {
                command.addAll(List.of("-b", "2048")); // fast to generate, still accepted by sshd
            }
            Processes.run(command, dir);
            keys.add(key);
        }
        return keys;
    }

    private static String configText(int port, List<Path> keys, List<String> extra) {
        StringBuilder text = new StringBuilder();
        text.append("Port ").append(port).append('\n');
        text.append("ListenAddress ").append(Ports.LOOPBACK).append('\n');
        keys.forEach(key -> text.append("HostKey ").append(key).append('\n'));
        // Probes and benchmarks open many connections that never authenticate.
        text.append("MaxStartups 1000:30:1000\n");
        text.append("UsePAM no\nPidFile none\nStrictModes no\nLogLevel ERROR\n");
        extra.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    public int port() {
        return server.port();
    }

    public Target target() {
        return server.target();
    }

    /** {@code sshd -T} output as keyword → value (keywords lower-case, as sshd prints them). */
    public Map<String, String> effectiveConfig() {
        String out = Processes.run(List.of(SSHD.toString(), "-T", "-f", config.toString()), server.dir());
        Map<String, String> values = new HashMap<>();
        for (String line : out.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0) {
                values.putIfAbsent(line.substring(0, space).toLowerCase(Locale.ROOT), line.substring(space + 1));
            }
        }
        return values;
    }

    /** One comma-separated list from {@code sshd -T}, e.g. {@code kexalgorithms}, {@code macs}. */
    public List<String> effectiveList(String keyword) {
        String value = effectiveConfig().get(keyword);
        if (value == null) {
            throw new IllegalStateException("sshd -T prints no '" + keyword + "'");
        }
        return Arrays.asList(value.split(","));
    }

    @Override
    public void close() {
        server.close();
    }
}
