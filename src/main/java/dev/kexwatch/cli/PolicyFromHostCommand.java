package dev.kexwatch.cli;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.policy.ReferencePolicy;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kexwatch policy from-host HOST[:PORT] --id NAME}: a policy that accepts exactly what one host offers. */
@Command(name = "from-host", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        sortOptions = false,
        description = "Probe a known-good server and write a policy that accepts exactly what it offers "
                + "(allow-only per list, in the host's order), for review before it is installed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:policy written", "1:the host could not be probed", "64:usage error",
            "70:internal error (a bug: please report it)"})
final class PolicyFromHostCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "HOST[:PORT]", description = "The reference host; port 22 if none.")
    private String target;

    @Option(names = "--id", required = true, paramLabel = "NAME", description = "The new policy's id.")
    private String id;

    @Option(names = "--label", paramLabel = "KEY=VALUE",
            description = "Apply the policy only to hosts with this label (repeatable); without it, to every host.")
    private Map<String, String> labels = new LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the policy to FILE, not stdout.")
    private Path output;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Deadline, connect to KEXINIT (default: ${DEFAULT-VALUE}).")
    private double timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Target host;
        try {
            host = TargetList.parse(target, "HOST[:PORT]");
            if (!(timeoutSeconds > 0 && timeoutSeconds <= ProbeOptions.MAX_TIMEOUT_SECONDS)) {
                throw new IllegalArgumentException("--timeout must be more than 0 and at most "
                        + (int) ProbeOptions.MAX_TIMEOUT_SECONDS + " seconds, not " + timeoutSeconds);
            }
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage(), Cli.USAGE);
        }
        ProbeResult result = probe(host);
        if (result.offer().isEmpty()) {
            return fail(err, host + ": " + result.outcome() + " (" + result.detail() + "); no policy written", 1);
        }
        try {
            String yaml = new ReferencePolicy(AlgorithmCatalog.builtin()).yaml(new ReferencePolicy.Request(id,
                    host.toString(), LocalDate.now(), labels), result.offer().get());
            try (Destination destination = Destination.open(Optional.ofNullable(output), spec.commandLine().getOut())) {
                destination.writer().print(yaml);
            }
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            return fail(err, e.getMessage(), Cli.USAGE);
        }
    }

    private ProbeResult probe(Target host) {
        Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        try (ProbeEngine engine = new ProbeEngine(new ProbeSettings(timeout, 1, ProbeSettings.DEFAULT.maxBytes()))) {
            return engine.probe(host).join();
        }
    }

    private static int fail(PrintWriter err, String message, int code) {
        err.println("kexwatch policy from-host: " + Text.safe(message));
        return code;
    }
}
