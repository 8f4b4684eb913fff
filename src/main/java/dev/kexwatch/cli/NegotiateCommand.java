package dev.kexwatch.cli;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.ServerSoftware;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.FixAdvisor;
import dev.kexwatch.negotiation.NegotiationReport;
import dev.kexwatch.negotiation.Negotiator;
import dev.kexwatch.negotiation.ProfileFormatException;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code kexwatch negotiate}: probe servers live and tell whether given SSH clients would agree with them on
 * every algorithm (RFC 4253 §7.1), and if not, where and what the smallest fix is.
 */
@Command(name = "negotiate", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        sortOptions = false,
        description = {"Probe SSH servers and predict whether each client negotiates with them.",
            "Prints the algorithms chosen, or the failure as OpenSSH words it and as",
            "'No common C2S mac: [S: ...] [C: ...]', with the smallest fix on either side."},
        exitCodeListHeading = "%nExit codes (the highest over all targets and clients):%n",
        exitCodeList = {"0:every client negotiates with every target (or --fail-on lets what failed pass)",
            "1:a connection error, a target not probed (only with --fail-on any, the default)",
            "4:a client would fail to negotiate with a target (not with --fail-on never)",
            "64:usage error, unknown profile, unreadable file", "70:internal error (a bug: please report it)"})
final class NegotiateCommand implements Callable<Integer> {

    /** Exit code when at least one client would fail to negotiate (after scan's 0..3, so never confused). */
    static final int NEGOTIATION_FAILS = 4;

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Cli cli;

    @Option(names = {"-c", "--client"}, paramLabel = "PROFILE|FILE",
            description = "Client profile id (e.g. openssh-9.2, jsch-0.1.55), or a YAML file of profiles; repeatable.")
    private List<String> clients = new ArrayList<>();

    @Option(names = "--server-release", paramLabel = "RELEASE",
            description = "Predict against a release's default server offer (e.g. openssh-10.0), probing nothing.")
    private String serverRelease;

    @Option(names = "--list-releases", description = "List the release catalogue (with --json: JSON Lines) and exit.")
    private boolean listReleases;

    @Option(names = "--fail-on", paramLabel = "GATE", defaultValue = "any", converter = NegotiationGate.Converter.class,
            description = "What makes the exit code non-zero: any (a target not probed: 1, a client that fails: 4), "
                    + "failure (only a client that fails), never (report only). Default: ${DEFAULT-VALUE}.")
    private NegotiationGate failOn;

    @Mixin
    private ViewOptions view;

    @Mixin
    private ProbeOptions probing;

    /** One probed target and, when it answered, one report per client. */
    record Outcome(ProbeResult result, List<NegotiationReport> reports) {

        /** The code without a gate (JSON's {@code exitCode}): 1 not probed, 4 a client fails, else 0. */
        int exitCode() {
            return NegotiationGate.ANY.exitCode(this);
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (listReleases) {
            return ReleasePrediction.list(spec.commandLine().getOut(), probing.format().filter(OutputFormat.JSON::equals).isPresent());
        }
        List<Target> list;
        List<ClientProfile> profiles;
        OutputFormat format;
        try {
            list = probing.targets();
            profiles = ClientChoice.resolve(clients);
            format = view.format(probing.format(), list.size());
            if (clients.isEmpty()) {
                throw new IllegalArgumentException("give at least one --client PROFILE|FILE");
            }
            if (serverRelease != null) {
                return predict(list, profiles, format);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | ProfileFormatException e) {
            err.println("kexwatch negotiate: " + Text.safe(e.getMessage()));
            return Cli.USAGE;
        }
        if (list.isEmpty() || profiles.isEmpty()) {
            err.println("kexwatch negotiate: " + (list.isEmpty() ? "no targets (give TARGET arguments or -f FILE)"
                    : "the client profile file holds no profile"));
            return Cli.USAGE;
        }
        try (Destination destination = Destination.open(probing.output(), spec.commandLine().getOut())) {
            boolean colour = destination.isStdout() && cli.terminal().colour();
            List<Outcome> outcomes = negotiate(probing.probe(list, cli.terminal(), err), profiles);
            write(destination.writer(), format, new NegotiationResults(outcomes, profiles, failOn, colour));
            return failOn.exitCode(outcomes);
        } catch (IOException e) {
            err.println("kexwatch negotiate: " + Text.safe(e.getMessage()));
            return Cli.USAGE;
        }
    }

    /** {@code --server-release}: a prediction from the catalogue, printed as a block or JSON; nothing is probed. */
    private int predict(List<Target> list, List<ClientProfile> profiles, OutputFormat format) {
        if (!list.isEmpty()) {
            throw new IllegalArgumentException("--server-release predicts without probing: give no TARGET");
        }
        if (format != OutputFormat.TABLE && format != OutputFormat.JSON) {
            throw new IllegalArgumentException("--server-release writes --format table or json, not " + format);
        }
        return ReleasePrediction.predict(spec.commandLine().getOut(), profiles, serverRelease,
                format == OutputFormat.JSON);
    }

    private static void write(PrintWriter out, OutputFormat format, NegotiationResults results) {
        switch (format) {
            case TABLE -> results.outcomes().forEach(o -> NegotiationText.print(out, o, new Colour(results.colour())));
            case SUMMARY -> NegotiationSummary.print(out, results);
            case JSON -> results.outcomes().forEach(o -> out.println(NegotiationText.json(o)));
            case CSV -> NegotiationCsv.print(out, results);
            case SARIF -> NegotiationSarif.print(out, results);
            case JUNIT -> NegotiationJunit.print(out, results);
        }
    }

    private static ServerSoftware.Kind server(ProbeResult result) {
        return result.identification().map(id -> ServerSoftware.of(id.softwareVersion()).kind())
                .orElse(ServerSoftware.Kind.OPENSSH);
    }

    private static List<Outcome> negotiate(List<ProbeResult> results, List<ClientProfile> profiles) {
        Negotiator negotiator = new Negotiator(FixAdvisor.preferringSound(AlgorithmCatalog.builtin()));
        return results.stream().map(result -> new Outcome(result, result.offer().map(offer -> profiles.stream()
                .map(p -> NegotiationReport.of(p, negotiator.negotiate(p, offer, server(result)),
                        result.target().host(),
                        result.target().port())).toList()).orElse(List.of()))).toList();
    }
}
