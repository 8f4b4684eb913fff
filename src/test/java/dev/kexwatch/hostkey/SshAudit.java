package dev.kexwatch.hostkey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's ssh-audit as the second opinion: its JSON report of a loopback server (exit codes 0-3 all report). */
final class SshAudit {

    private SshAudit() {
    }

    static JsonNode json(Target target, Path workDir) throws IOException, InterruptedException {
        Process audit = new ProcessBuilder(List.of("/usr/bin/ssh-audit", "-j", "-p", String.valueOf(target.port()),
                target.host())).directory(workDir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        audit.getOutputStream().close();
        String out = new String(audit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!audit.waitFor(120, TimeUnit.SECONDS)) {
            audit.destroyForcibly();
            throw new IllegalStateException("ssh-audit did not finish");
        }
        return new ObjectMapper().readTree(out);
    }
}
