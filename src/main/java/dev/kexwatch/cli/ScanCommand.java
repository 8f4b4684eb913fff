package dev.kexwatch.cli;

import dev.kexwatch.auth.AuthMethodsProbe;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyException;
import dev.kexwatch.policy.Severity;
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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kexwatch scan}: probe targets, judge them against a policy, print a table, a summary or a report. */
@Command(name = "scan", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class, sortOptions = false,
        description = "Probe SSH servers' identification and KEXINIT lists and judge them against a policy.",
        exitCodeListHeading = "%nExit codes (the worst over all targets, as ssh-audit):%n",
        exitCodeList = {"0:all good (or every finding below --fail-on)", "1:a connection error",
            "2:warnings (low or medium findings)", "3:failures (high or critical findings)",
            "64:usage error, unreadable policy or target file", "70:internal error (a bug: please report it)"})
final class ScanCommand implements Callable<Integer> {

    static final int SUMMARY_THRESHOLD = ViewOptions.SUMMARY_THRESHOLD;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Cli cli;

    @Option(names = "--policy", paramLabel = "FILE|ID", defaultValue = PolicyChoice.DEFAULT_ID,
            description = "Policy file, or the id of a shipped policy: baseline, rfc9142, hardened-openssh, "
                    + "or a standard pack: bsi-tr-02102-4, cis-ssh, cnsa-ssh, mozilla-openssh-modern "
                    + "(default: ${DEFAULT-VALUE}).")
    private String policy;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", converter = SeverityConverter.class,
            completionCandidates = SeverityConverter.Words.class,
            description = "Exit non-zero only for findings at or above low|medium|high|critical "
                    + "(default: every low or worse finding, as ssh-audit).")
    private Severity failOn;

    @Mixin
    private ViewOptions view;

    @Option(names = "--deep", description = "Also complete one key exchange per host-key type and ask for "
            + "group-exchange sizes as ssh-audit does: host keys (type, bits, fingerprint, certificate) and group "
            + "sizes, judged by the policy's deep rules. A few more connections per host, one at a time.")
    private boolean deep;

    @Option(names = "--auth-methods", description = "Also ask each host which login methods it allows: one 'none' "
            + "login attempt after the key exchange (the server logs it as a failed login).")
    private boolean authMethods;

    @Option(names = "--auth-user", paramLabel = "NAME", defaultValue = AuthMethodsProbe.DEFAULT_USER,
            description = "User name of the --auth-methods attempt (default: ${DEFAULT-VALUE}).")
    private String authUser;

    @Mixin
    private ProbeOptions probing;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Target> list;
        Policy chosen;
        OutputFormat format;
        try {
            list = probing.targets();
            chosen = PolicyChoice.load(policy);
            format = view.format(probing.format(), list.size());
        } catch (IOException | IllegalArgumentException | PolicyException e) {
            err.println("kexwatch scan: " + Text.safe(e.getMessage()));
            return Cli.USAGE;
        }
        if (list.isEmpty()) {
            err.println("kexwatch scan: no targets (give TARGET arguments or -f FILE)");
            return Cli.USAGE;
        }
        try (Destination destination = Destination.open(probing.output(), spec.commandLine().getOut())) {
            List<ProbeResult> probed = probing.probe(list, cli.terminal(), err);
            Map<ProbeResult, DeepResult> deeper = deep
                    ? DeepScan.run(probed, probing.settings().deadline(), probing.settings().concurrency())
                    : Map.of();
            List<TargetReport> reports = judge(probed, deeper, chosen);
            if (authMethods) {
                reports = AuthMethodsStep.probe(reports, authUser, probing.timeout(), chosen);
            }
            boolean colour = destination.isStdout() && cli.terminal().colour();
            write(destination.writer(), format, new ScanResults(reports, chosen, colour, Optional.ofNullable(failOn)));
            return TargetReport.worst(reports, Optional.ofNullable(failOn));
        } catch (IOException e) {
            err.println("kexwatch scan: " + Text.safe(e.getMessage()));
            return Cli.USAGE;
        }
    }

    private static void write(PrintWriter out, OutputFormat format, ScanResults results) {
        switch (format) {
            case TABLE -> TableFormat.print(out, results);
            case SUMMARY -> SummaryFormat.print(out, results);
            // Lines built on every core (in order): for thousands of targets, this was the longest serial step.
            case JSON -> results.reports().parallelStream().map(JsonFormat::line).toList().forEach(out::println);
            case CSV -> CsvFormat.print(out, results.reports());
            case SARIF -> SarifFormat.print(out, results);
            case JUNIT -> JunitFormat.print(out, results);
        }
    }

    private static List<TargetReport> judge(List<ProbeResult> results, Map<ProbeResult, DeepResult> deep,
            Policy policy) {
        Judgements judgements = new Judgements(policy, LocalDate.now(Clock.systemUTC()));
        return results.parallelStream() // in input order
                .map(result -> judgements.judge(result, Optional.ofNullable(deep.get(result)))).toList();
    }
}
