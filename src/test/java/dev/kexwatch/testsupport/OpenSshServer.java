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

    /** Debian's and Ubuntu's drop-in directory, as their sshd_config includes it: first, before any setting. */
    public static final String INCLUDE_DIR = "sshd_config.d";

    private ServerProcess server;
    private final Path config;

    private OpenSshServer(ServerProcess server, Path config) {
        this.server = server;
        this.config = config;
    }

    /** Starts sshd with its defaults plus {@code extraConfig} lines (e.g. {@code KexAlgorithms +...}). */
    public static OpenSshServer start(String... extraConfig) {
        return start(false, List.of(extraConfig));
    }

    /**
     * With exactly these host key files (private keys; a {@code HostCertificate} line in {@code extraConfig}
     * adds a certificate) instead of the generated ed25519/ECDSA/RSA-2048 set: sshd uses the first key of each
     * type, so a weak key only shows when it is the only one of its type.
     */
    public static OpenSshServer startWithHostKeys(List<Path> hostKeys, String... extraConfig) {
        List<String> lines = new ArrayList<>();
        hostKeys.forEach(key -> lines.add("HostKey " + key));
        lines.addAll(List.of(extraConfig));
        return start(false, lines, false);
    }

    /**
     * As {@link #start}, with the config laid out as Debian ships it: {@code Include <dir>/sshd_config.d/*.conf} is
     * the first line, so a file there wins over the caller's lines (sshd keeps the first value of each keyword).
     */
    public static OpenSshServer startWithIncludeDir(String... extraConfig) {
        return start(true, List.of(extraConfig));
    }

    private static OpenSshServer start(boolean includeDir, List<String> extraConfig) {
        return start(includeDir, extraConfig, true);
    }

    private static OpenSshServer start(boolean includeDir, List<String> extraConfig, boolean generateKeys) {
        Path dir = TempDirs.create("kexwatch-sshd");
        try {
            Files.createDirectories(PRIVSEP_DIR); // sshd refuses to start without its privsep dir
            List<Path> keys = generateKeys ? generateHostKeys(dir) : List.of();
            int port = Ports.freePort();
            Path config = dir.resolve("sshd_config");
            String include = "";
            if (includeDir) {
                Files.createDirectories(dir.resolve(INCLUDE_DIR));
                include = "Include " + dir.resolve(INCLUDE_DIR) + "/*.conf\n";
            }
            Files.writeString(config, include + configText(port, keys, extraConfig));
            return new OpenSshServer(ServerProcess.start(dir, port, command(config)), config);
        } catch (IOException e) {
            TempDirs.delete(dir);
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> command(Path config) {
        return List.of(SSHD.toString(), "-D", "-e", "-f", config.toString());
    }

    /** The directory its sshd_config includes first (only for {@link #startWithIncludeDir}). */
    public Path includeDir() {
        return server.dir().resolve(INCLUDE_DIR);
    }

    /** {@code sshd -t}: true when sshd accepts its configuration as it now stands on disk. */
    public boolean configTest() {
        return Processes.succeeds(List.of(SSHD.toString(), "-t", "-f", config.toString()));
    }

    /** Stops sshd and starts it again on the same port with the configuration now on disk. */
    public void restart() {
        server.stop();
        server = ServerProcess.start(server.dir(), server.port(), command(config));
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
