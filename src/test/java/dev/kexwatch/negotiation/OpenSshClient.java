package dev.kexwatch.negotiation;

import dev.kexwatch.testsupport.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's OpenSSH client run once against a loopback port; returns its {@code -vvv} stderr. */
public final class OpenSshClient {

    private OpenSshClient() {
    }

    /** Runs {@code ssh -vvv} with a clean configuration plus {@code options} (each {@code Key=Value}). */
    public static String run(int port, String... options) {
        return run(Ports.LOOPBACK, port, options);
    }

    /** {@link #run(int, String...)} to another loopback address: {@code ::1} connects over IPv6. */
    public static String run(String host, int port, String... options) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/ssh", "-vvv", "-F", "/dev/null", "-o", "BatchMode=yes",
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10"));
        for (String option : options) {
            command.addAll(List.of("-o", option));
        }
        command.addAll(List.of("-p", String.valueOf(port), host, "true"));
        try {
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("ssh did not finish: " + command);
            }
            return stderr;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
