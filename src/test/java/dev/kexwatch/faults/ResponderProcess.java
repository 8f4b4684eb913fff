package dev.kexwatch.faults;

import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.SshResponder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@link SshResponder} in a process of its own: a process may hold only 20,000 files here, so a fleet of
 * thousands of hosts is split between processes, apart from the service and the test.
 */
final class ResponderProcess implements AutoCloseable {

    private final Process process;
    private final List<Target> targets;

    private ResponderProcess(Process process, List<Target> targets) {
        this.process = process;
        this.targets = targets;
    }

    /** {@code mode} {@code answer} or {@code silent}; waits until every host listens. */
    static ResponderProcess start(String mode, List<String> addresses, int perAddress) {
        String classPath = Path.of("target/test-classes") + java.io.File.pathSeparator + Path.of("target/classes");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", classPath, SshResponder.class.getName(), mode, String.join(",", addresses),
                String.valueOf(perAddress));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try {
                return new ResponderProcess(process, readTargets(process));
            } catch (RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Target> readTargets(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        List<Target> targets = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("ready")) {
                return targets;
            }
            String[] parts = line.split(" ");
            targets.add(new Target(parts[0], Integer.parseInt(parts[1])));
        }
        throw new IllegalStateException("the responder exited before it was ready");
    }

    List<Target> targets() {
        return targets;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
