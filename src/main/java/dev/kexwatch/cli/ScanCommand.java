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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
        OutputFormat format;
        // The policy is read on a thread of its own while the targets are, and the algorithm catalog after it (on
        // that thread; both at once, they queued on the YAML library's start). A shipped policy (the default) and
        // the catalog are still being read while the first probes go out: judging needs them, probing does not.
        // One after another, reading them took a fifth of a 2,000-target run.
        LocalDate today = LocalDate.now(Clock.systemUTC());
        CompletableFuture<Policy> loading = Background.start("kexwatch-policy", () -> PolicyChoice.load(policy));
        CompletableFuture<Judgements> judging = loading.thenApply(chosen -> new Judgements(chosen, today));
        try {
            if (probing.format().filter(OutputFormat.JSON::equals).isPresent()) {
                Background.start("kexwatch-json", JsonFormat::ready); // its mapper takes as long as many lines
            }
            list = probing.targets();
            if (!PolicyChoice.isShipped(policy)) { // a broken file is a usage error before anything is dialled
                Background.join(loading);
            }
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
            Optional<Severity> threshold = Optional.ofNullable(failOn);
            boolean colour = destination.isStdout() && cli.terminal().colour();
            if (deep || authMethods) {
                List<TargetReport> reports = probeDeeper(list, Background.join(judging), err);
                write(destination.writer(), format, new ScanResults(reports, Background.join(loading), colour, threshold));
                return TargetReport.worst(reports, threshold);
            }
            // Each result judged (and its JSON line made) while the other probes still wait on the network.
            Function<ProbeResult, Judged> judge = result -> Judged.of(Background.join(judging).judge(result), threshold,
                    format == OutputFormat.JSON);
            if (format == OutputFormat.JSON) { // each line out as soon as those before it are: only exit codes kept
                AtomicInteger worst = new AtomicInteger(TargetReport.GOOD);
                probing.probe(list, cli.terminal(), err, judge, done -> {
                    destination.writer().println(done.json());
                    worst.accumulateAndGet(done.exitCode(), Math::max);
                });
                return worst.get();
            }
            List<Judged> judged = probing.probe(list, cli.terminal(), err, judge);
            List<TargetReport> reports = judged.stream().map(Judged::report).toList();
            write(destination.writer(), format, new ScanResults(reports, Background.join(loading), colour, threshold));
            return judged.stream().mapToInt(Judged::exitCode).max().orElse(TargetReport.GOOD);
        } catch (IOException e) {
            err.println("kexwatch scan: " + Text.safe(e.getMessage()));
            return Cli.USAGE;
        }
    }

    /** {@code --deep} and {@code --auth-methods}: judged after the later steps, which add to what is judged. */
    private List<TargetReport> probeDeeper(List<Target> list, Judgements judgements, PrintWriter err) {
        List<ProbeResult> probed = probing.probe(list, cli.terminal(), err);
        Map<ProbeResult, DeepResult> deeper = deep
                ? DeepScan.run(probed, probing.settings().deadline(), probing.settings().concurrency())
                : Map.of();
        List<TargetReport> reports = probed.parallelStream() // in input order
                .map(result -> judgements.judge(result, Optional.ofNullable(deeper.get(result)))).toList();
        return authMethods
                ? AuthMethodsStep.probe(reports, authUser, probing.timeout(), judgements.policy())
                : reports;
    }

    /** A target's report, its exit code and, when made while probing, its {@code --json} line (else null). */
    private record Judged(TargetReport report, int exitCode, String json) {

        static Judged of(TargetReport report, Optional<Severity> failOn, boolean json) {
            return new Judged(report, report.exitCode(failOn), json ? JsonFormat.line(report) : null);
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
}
