package dev.kexwatch.cli;

import dev.kexwatch.probe.Daemons;
import dev.kexwatch.probe.PhaseDeadlines;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every probing command takes: targets, how to probe them, and the output format. */
final class ProbeOptions {

    /** Above this a deadline is a mistake, and far above it the millisecond count overflows. */
    static final double MAX_TIMEOUT_SECONDS = 3600;

    @Option(names = "--json", description = "One JSON object per target, one per line (same as --format json).")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", converter = OutputFormat.Converter.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: table, or summary past many targets).")
    private OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the results to FILE, not stdout.")
    private Path output;

    @Option(names = "--progress", negatable = true,
            description = "Progress on stderr (default: only when stderr is a terminal).")
    private Boolean progress;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Deadline per target, connect to KEXINIT (default: ${DEFAULT-VALUE}).")
    private double timeoutSeconds;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "3",
            description = "Deadline for the TCP connection (default: ${DEFAULT-VALUE}).")
    private double connectSeconds;

    @Option(names = "--identification-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Deadline for the server's identification line, from the connection "
                    + "(default: ${DEFAULT-VALUE}).")
    private double identificationSeconds;

    @Option(names = "--kexinit-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Deadline for the server's KEXINIT, from its identification line (default: ${DEFAULT-VALUE}).")
    private double kexinitSeconds;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "256",
            description = "Targets probed at once; targets that have not answered within a second only wait and "
                    + "make room for more, up to 4 times N (default: ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Read targets from FILE, one a line.")
    private Path file;

    @Parameters(paramLabel = "TARGET", arity = "0..*", description = "host[:port], [ipv6]:port; port 22 if none.")
    private List<String> targets = new ArrayList<>();

    /**
     * Checks the probe options, then reads the targets: in the order given, file first, duplicates dropped.
     *
     * @throws IllegalArgumentException naming the bad option or target
     */
    List<Target> targets() throws IOException {
        settings(); // a bad option is a usage error before anything is read or probed
        return TargetList.of(targets, Optional.ofNullable(file));
    }

    /** The format asked for by {@code --format} or {@code --json}; empty for the command's default. */
    Optional<OutputFormat> format() {
        if (json && format != null && format != OutputFormat.JSON) {
            throw new IllegalArgumentException("--json and --format " + format + " contradict each other");
        }
        return json ? Optional.of(OutputFormat.JSON) : Optional.ofNullable(format);
    }

    /** {@code --output FILE}; the command opens it before probing, so a bad path is a usage error at once. */
    Optional<Path> output() {
        return Optional.ofNullable(output);
    }

    /** Probes the targets at once, up to {@code --concurrency}, with progress on stderr; results in input order. */
    List<ProbeResult> probe(List<Target> list, Terminal terminal, PrintWriter err) {
        return probe(list, terminal, err, result -> result);
    }

    /** As {@link #probe(List, Terminal, PrintWriter, Function, Consumer)}; returns what {@code then} made, in order. */
    <R> List<R> probe(List<Target> list, Terminal terminal, PrintWriter err, Function<ProbeResult, R> then) {
        List<R> made = new ArrayList<>(list.size());
        probe(list, terminal, err, then, made::add);
        return made;
    }

    /**
     * Probes as {@link #probe(List, Terminal, PrintWriter)}, hands each result to {@code then} on a pool as soon as it
     * arrives, and what {@code then} made to {@code inOrder} in input order as soon as all before it are there:
     * judging, rendering and writing overlap the probes still waiting on the network instead of following the last
     * one (for a few thousand targets, a fifth of the whole run), and nothing waits in memory that could be written.
     */
    <R> void probe(List<Target> list, Terminal terminal, PrintWriter err, Function<ProbeResult, R> then,
            Consumer<R> inOrder) {
        Map<Target, Integer> positions = InputOrder.positions(list);
        InputOrder<R> ordered = new InputOrder<>(inOrder);
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        // Threads of its own: with fewer than 3 cores CompletableFuture would start a thread per result, even when
        // handed the common pool.
        ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                Daemons.named("kexwatch-judge"));
        Optional<Progress> shown = Optional.ofNullable(progress).orElse(terminal.stderrIsTty())
                ? Optional.of(new Progress(err, list.size(), terminal.stderrIsTty(), System::nanoTime))
                : Optional.empty();
        try (ProbeEngine engine = new ProbeEngine(settings())) {
            engine.probeAll(list, result -> {
                pool.execute(() -> {
                    try {
                        ordered.done(positions.get(result.target()), then.apply(result));
                    } catch (RuntimeException e) { // a bug: reported once everything else is done
                        failed.compareAndSet(null, e);
                    }
                });
                shown.ifPresent(p -> p.accept(result));
            });
        }
        shown.ifPresent(Progress::finish);
        awaitAll(pool);
        if (failed.get() != null) {
            throw failed.get();
        }
    }

    private static void awaitAll(ExecutorService pool) {
        pool.shutdown();
        try {
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while judging", e);
        }
    }

    /** {@code --timeout} as a duration (checked by {@link #targets()} first). */
    Duration timeout() {
        return settings().deadline();
    }

    ProbeSettings settings() {
        if (concurrency < 1) {
            throw new IllegalArgumentException("--concurrency must be at least 1, not " + concurrency);
        }
        return new ProbeSettings(seconds("--timeout", timeoutSeconds), concurrency, ProbeSettings.DEFAULT.maxBytes())
                .withPhases(new PhaseDeadlines(seconds("--connect-timeout", connectSeconds),
                        seconds("--identification-timeout", identificationSeconds),
                        seconds("--kexinit-timeout", kexinitSeconds)));
    }

    private static Duration seconds(String option, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(option + " must be more than 0 seconds, not " + value);
        }
        if (value > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(option + " must be at most " + (int) MAX_TIMEOUT_SECONDS
                    + " seconds, not " + value);
        }
        return Duration.ofMillis(Math.max(1, Math.round(value * 1000)));
    }
}
