package dev.kexwatch.cli;

import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyEngine;
import dev.kexwatch.policy.PolicyException;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kexwatch scan}: probe targets, judge them against a policy, print a table or JSON. */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Probe SSH servers' identification and KEXINIT lists and judge them against a policy.",
        exitCodeListHeading = "%nExit codes (the worst over all targets, as ssh-audit):%n",
        exitCodeList = {"0:all good", "1:a connection error", "2:warnings (low or medium findings)",
            "3:failures (high or critical findings)", "64:usage error, unreadable policy or target file"})
final class ScanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--policy", paramLabel = "FILE|ID", defaultValue = PolicyChoice.DEFAULT_ID,
            description = "Policy file, or id of policies/<ID>.yaml (default: ${DEFAULT-VALUE}).")
    private String policy;

    @Option(names = "--json", description = "One JSON object per target, one per line.")
    private boolean json;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Deadline per target, connect to KEXINIT (default: ${DEFAULT-VALUE}).")
    private double timeoutSeconds;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "64",
            description = "Targets probed at once (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read targets from FILE, one a line.")
    private Path file;

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "host[:port], [ipv6]:port; port 22 if none.")
    private List<String> targets = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Target> list;
        Policy chosen;
        try {
            list = TargetList.of(targets, Optional.ofNullable(file));
            chosen = PolicyChoice.load(policy);
        } catch (IOException | IllegalArgumentException | PolicyException e) {
            err.println("kexwatch scan: " + e.getMessage());
            return Cli.USAGE;
        }
        if (list.isEmpty()) {
            err.println("kexwatch scan: no targets (give TARGET arguments or -f FILE)");
            return Cli.USAGE;
        }
        List<TargetReport> reports = judge(probe(list), chosen);
        if (json) {
            reports.forEach(report -> out.println(JsonFormat.line(report)));
        } else {
            TableFormat.print(out, reports, chosen);
        }
        return TargetReport.worst(reports);
    }

    private List<ProbeResult> probe(List<Target> list) {
        Duration deadline = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        Map<Target, ProbeResult> byTarget = new java.util.concurrent.ConcurrentHashMap<>();
        try (ProbeEngine engine = new ProbeEngine(new ProbeSettings(deadline, concurrency,
                ProbeSettings.DEFAULT.maxBytes()))) {
            engine.probeAll(list, result -> byTarget.put(result.target(), result));
        }
        return list.stream().map(byTarget::get).toList(); // input order, whatever order they finished in
    }

    private static List<TargetReport> judge(List<ProbeResult> results, Policy policy) {
        PolicyEngine engine = new PolicyEngine();
        LocalDate today = LocalDate.now(Clock.systemUTC());
        return results.stream().map(result -> new TargetReport(result, result.offer().map(offer -> engine.evaluate(
                policy, offer, new HostRef(result.target().host(), result.target().port(), Map.of()), today))))
                .toList();
    }
}
