package dev.kexwatch.cli;

import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.HostRemediation;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyEngine;
import dev.kexwatch.policy.PolicyException;
import dev.kexwatch.probe.Identification;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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
            description = "Policy file, or the id of a shipped policy: baseline, rfc9142, hardened-openssh "
                    + "(default: ${DEFAULT-VALUE}).")
    private String policy;

    @Mixin
    private ProbeOptions probing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Target> list;
        Policy chosen;
        try {
            list = probing.targets();
            chosen = PolicyChoice.load(policy);
        } catch (IOException | IllegalArgumentException | PolicyException e) {
            err.println("kexwatch scan: " + e.getMessage());
            return Cli.USAGE;
        }
        if (list.isEmpty()) {
            err.println("kexwatch scan: no targets (give TARGET arguments or -f FILE)");
            return Cli.USAGE;
        }
        List<TargetReport> reports = judge(probing.probe(list), chosen);
        if (probing.json) {
            reports.forEach(report -> out.println(JsonFormat.line(report)));
        } else {
            TableFormat.print(out, reports, chosen);
        }
        return TargetReport.worst(reports);
    }

    private static List<TargetReport> judge(List<ProbeResult> results, Policy policy) {
        PolicyEngine engine = new PolicyEngine();
        LocalDate today = LocalDate.now(Clock.systemUTC());
        return results.stream().map(result -> judge(result, policy, engine, today)).toList();
    }

    /** A host that answered SSH-1 only has no offer but is judged on its identification all the same. */
    private static TargetReport judge(ProbeResult result, Policy policy, PolicyEngine engine, LocalDate today) {
        if (result.offer().isEmpty() && result.outcome() != ProbeOutcome.SSH1_ONLY) {
            return new TargetReport(result, Optional.empty(), Optional.empty());
        }
        String protocol = result.identification().map(Identification::protocolVersion).orElse("");
        String software = result.identification().map(Identification::softwareVersion).orElse("");
        HostRef host = new HostRef(result.target().host(), result.target().port(), Map.of());
        return new TargetReport(result, Optional.of(engine.evaluate(policy, result.offer(), protocol, host, today)),
                result.offer().map(offer -> HostRemediation.of(List.of(policy), offer, software)));
    }
}
