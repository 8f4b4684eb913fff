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
import java.util.Optional;
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
        exitCodeList = {"0:every client negotiates with every target", "1:a connection error (target not probed)",
            "4:a client would fail to negotiate with a target", "64:usage error, unknown profile, unreadable file",
            "70:internal error (a bug: please report it)"})
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

    @Mixin
    private ProbeOptions probing;

    /** One probed target and, when it answered, one report per client. */
    record Outcome(ProbeResult result, List<NegotiationReport> reports) {

        int exitCode() {
            if (!result.ok()) {
                return TargetReport.CONNECTION_ERROR;
            }
            return reports.stream().allMatch(NegotiationReport::works) ? TargetReport.GOOD : NEGOTIATION_FAILS;
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
        boolean json;
        try {
            list = probing.targets();
            profiles = ClientChoice.resolve(clients);
            json = json(probing.format());
            if (clients.isEmpty()) {
                throw new IllegalArgumentException("give at least one --client PROFILE|FILE");
            }
            if (serverRelease != null) {
                if (!list.isEmpty()) {
                    throw new IllegalArgumentException("--server-release predicts without probing: give no TARGET");
                }
                return ReleasePrediction.predict(spec.commandLine().getOut(), profiles, serverRelease, json);
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
            PrintWriter out = destination.writer();
            Colour colour = new Colour(destination.isStdout() && cli.terminal().colour());
            List<Outcome> outcomes = negotiate(probing.probe(list, cli.terminal(), err), profiles);
            outcomes.forEach(o -> {
                if (json) {
                    out.println(NegotiationText.json(o));
                } else {
                    NegotiationText.print(out, o, colour);
                }
            });
            return outcomes.stream().mapToInt(Outcome::exitCode).max().orElse(TargetReport.GOOD);
        } catch (IOException e) {
            err.println("kexwatch negotiate: " + Text.safe(e.getMessage()));
            return Cli.USAGE;
        }
    }

    /** Negotiation has no findings to put in SARIF, CSV or JUnit yet: its formats are the block and JSON. */
    private static boolean json(Optional<OutputFormat> format) {
        if (format.isPresent() && format.get() != OutputFormat.JSON && format.get() != OutputFormat.TABLE) {
            throw new IllegalArgumentException("negotiate writes --format table or json, not " + format.get());
        }
        return format.filter(OutputFormat.JSON::equals).isPresent();
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
