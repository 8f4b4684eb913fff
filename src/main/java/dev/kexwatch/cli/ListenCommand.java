package dev.kexwatch.cli;

import dev.kexwatch.listen.Capture;
import dev.kexwatch.listen.CapturedProfile;
import dev.kexwatch.listen.ClientJudge;
import dev.kexwatch.listen.ClientReview;
import dev.kexwatch.listen.ListenSettings;
import dev.kexwatch.listen.Listener;
import dev.kexwatch.listen.ProfileFile;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kexwatch listen}: act as an SSH server just far enough to capture each connecting client's identification
 * and KEXINIT, judge it by a client policy and turn it into a client profile for {@code negotiate --client}.
 */
@Command(name = "listen", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class, sortOptions = false,
        description = {"Capture the identification and KEXINIT of SSH clients that connect, judge them by a client",
            "policy, and print them (or save them as client profiles for 'negotiate --client FILE').",
            "Nothing is authenticated and no key exchange completes: each client is disconnected with a reason."},
        exitCodeListHeading = "%nExit codes (the highest over all clients, as scan):%n",
        exitCodeList = {"0:every captured client is compliant", "1:a connection ended without a capture",
            "2:a client has warnings (low or medium findings)", "3:a client has failures (high or critical)",
            "64:usage error, unreadable policy, port not available", "70:internal error (a bug: please report it)"})
final class ListenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--bind", paramLabel = "ADDR", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    private String bind = "127.0.0.1";

    @Option(names = "--port", paramLabel = "P", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks one).")
    private int port = ListenSettings.DEFAULT_PORT;

    @Option(names = "--count", paramLabel = "N", description = "Exit after N captured clients (default: until interrupted).")
    private int count;

    @Option(names = "--json", description = "One JSON object a line per captured client.")
    private boolean json;

    @Option(names = "--policy", paramLabel = "FILE|ID",
            description = "Client policy: a YAML file or a policy id (default: ${DEFAULT-VALUE}).")
    private String policy = ClientJudge.CLIENT_BASELINE;

    @Option(names = "--save-profile", paramLabel = "FILE",
            description = "Write the captured clients as a client profile file, rewritten after each capture.")
    private Path saveProfile;

    @Option(names = "--name", paramLabel = "NAME", description = {"Profile id of the captured clients: NAME, then"
        + " NAME-2, NAME-3 (default: from each client's identification, e.g. captured-openssh_9.2p1)."})
    private String name;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ListenSettings settings;
        ClientJudge judge;
        try {
            if (count < 0) {
                throw new IllegalArgumentException("--count must be 0 (until interrupted) or more, not " + count);
            }
            if (name != null) {
                CapturedProfile.invalidId(name).ifPresent(problem -> {
                    throw new IllegalArgumentException("--name " + problem);
                });
            }
            if (saveProfile != null && !Files.isWritable(saveProfile.toAbsolutePath().getParent())) {
                throw new IllegalArgumentException("--save-profile " + saveProfile + ": its directory is not writable");
            }
            settings = ListenSettings.loopback(port).withBind(InetAddress.getByName(bind));
            judge = new ClientJudge(loadPolicy());
        } catch (IOException | IllegalArgumentException | PolicyException e) {
            err.println("kexwatch listen: " + Text.safe(e.getMessage()));
            return Cli.USAGE;
        }
        BlockingQueue<Capture> captures = new LinkedBlockingQueue<>();
        try (Listener listener = Listener.start(settings, Clock.systemUTC(), captures::add)) {
            err.println("kexwatch listen: listening on " + listener.address().getAddress().getHostAddress() + ":"
                    + listener.port() + "; connect a client, e.g. ssh -p " + listener.port() + " "
                    + listener.address().getAddress().getHostAddress());
            err.flush();
            return new Session(judge, err).run(captures);
        } catch (IOException e) {
            err.println("kexwatch listen: cannot listen on " + Text.safe(bind) + ":" + port + ": "
                    + Text.safe(e.getMessage()));
            return Cli.USAGE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TargetReport.GOOD;
        }
    }

    private Policy loadPolicy() {
        return ClientJudge.CLIENT_BASELINE.equals(policy) ? ClientJudge.clientBaseline() : PolicyChoice.load(policy);
    }

    /** The captures of one run: printed, saved and counted as they come. */
    private final class Session {

        private final ClientJudge judge;
        private final PrintWriter err;
        private final PrintWriter out = spec.commandLine().getOut();
        private final List<ClientProfile> saved = new ArrayList<>();
        private final Set<String> ids = new HashSet<>();
        private int captured;
        private int exitCode = TargetReport.GOOD;

        Session(ClientJudge judge, PrintWriter err) {
            this.judge = judge;
            this.err = err;
        }

        int run(BlockingQueue<Capture> captures) throws InterruptedException {
            while (count == 0 || captured < count) {
                take(captures.take());
            }
            return exitCode;
        }

        private void take(Capture capture) {
            if (!capture.captured()) {
                err.println("kexwatch listen: " + Text.safe(capture.peer()) + ": "
                        + capture.outcome().name() + ": " + Text.safe(capture.detail()));
                err.flush();
                exitCode = Math.max(exitCode, TargetReport.CONNECTION_ERROR);
                return;
            }
            captured++;
            String id = uniqueId(name != null ? name : CapturedProfile.defaultId(capture));
            ClientReview review = judge.review(capture, id, LocalDate.now(ZoneOffset.UTC));
            if (json) {
                out.println(ListenText.json(review));
            } else {
                ListenText.print(out, review);
            }
            out.flush();
            exitCode = Math.max(exitCode, exitCode(review));
            save(review.profile());
        }

        private String uniqueId(String id) {
            String unique = id;
            for (int n = 2; !ids.add(unique); n++) {
                unique = id + "-" + n;
            }
            return unique;
        }

        private void save(ClientProfile profile) {
            if (saveProfile == null) {
                return;
            }
            if (!CapturedProfile.complete(profile)) {
                err.println("kexwatch listen: " + Text.safe(profile.id()) + " not saved: the client sent an empty"
                        + " negotiated list, which no profile file can hold");
                return;
            }
            saved.add(profile);
            try {
                Files.writeString(saveProfile, ProfileFile.yaml(saved), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + saveProfile + ": " + e.getMessage(), e);
            }
        }

        private int exitCode(ClientReview review) {
            return review.evaluation().worst().map(worst -> switch (worst) {
                case HIGH, CRITICAL -> TargetReport.FAILURE;
                case LOW, MEDIUM -> TargetReport.WARNING;
                default -> TargetReport.GOOD;
            }).orElse(TargetReport.GOOD);
        }
    }
}
