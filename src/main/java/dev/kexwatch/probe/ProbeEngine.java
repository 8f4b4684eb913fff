package dev.kexwatch.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.AsynchronousChannelGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.sshd.common.PropertyResolverUtils;

/**
 * Captures servers' identification lines and KEXINIT name-lists over Apache MINA SSHD's NIO2 I/O layer,
 * then disconnects: no key exchange, no authentication (RFC 4253 §4.2, §7.1). One engine shares one
 * channel group (a thread per core), one deadline thread and a small DNS pool among any number of probes;
 * a probe in flight costs a socket and a few KiB of heap. Close it when done.
 */
public final class ProbeEngine implements AutoCloseable {

    /** Pre-identification lines kept per result; the bytes read for them are bounded separately. */
    static final int MAX_KEPT_PRE_IDENT_LINES = 50;
    /** MINA's per-read buffer; one per connection, so it sets the memory cost of many probes in flight. */
    static final int READ_BUFFER_BYTES = 4 * 1024;
    /**
     * A probe still running this long after its start is waiting on a silent or slow host, not working: it stops
     * counting against {@code concurrency} (it still counts against {@link ProbeSettings#maxInFlight()}), so a fleet
     * where a fifth of the hosts never answer is not scanned at a fifth of the speed. Answers on a LAN or the
     * internet come within a few hundred ms; a filtered host's connect retries are at 1 s and 3 s.
     */
    public static final Duration STALL_AFTER = Duration.ofSeconds(1);

    private final ProbeSettings settings;
    private final Clock clock;
    private final ExecutorService io;
    private final AsynchronousChannelGroup group;
    private final ProbeConnector connector;
    private final Deadlines deadlines;
    private final ExecutorService resolver;

    public ProbeEngine(ProbeSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public ProbeEngine(ProbeSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.io = Executors.newFixedThreadPool(threads, Daemons.named("kexwatch-probe-io"));
        try {
            this.group = AsynchronousChannelGroup.withThreadPool(io);
        } catch (IOException e) {
            io.shutdownNow();
            throw new UncheckedIOException(e);
        }
        this.connector = new ProbeConnector(PropertyResolverUtils.toPropertyResolver(Map.of()),
                new ProbeHandler(ClientIdentification.LINE, settings.maxBytes()), group, io, READ_BUFFER_BYTES);
        this.deadlines = new Deadlines(settings.deadline(), settings.phases(), STALL_AFTER);
        this.resolver = Executors.newFixedThreadPool(4, Daemons.named("kexwatch-probe-dns"));
    }

    public ProbeSettings settings() {
        return settings;
    }

    /** Probes one target; the future always completes (never exceptionally) within the deadline. */
    public CompletableFuture<ProbeResult> probe(Target target) {
        return probe(target, () -> { });
    }

    /**
     * As {@link #probe(Target)}; {@code stalled} runs once (on the deadline thread) if the probe is still running
     * {@link #STALL_AFTER} after it started, so a caller that limits probes in flight may start another meanwhile.
     */
    public CompletableFuture<ProbeResult> probe(Target target, Runnable stalled) {
        ProbeAttempt attempt = new ProbeAttempt(target, clock.instant(), deadlines);
        attempt.onStall(stalled);
        deadlines.started(attempt);
        if (HostLiteral.isIpLiteral(target.host())) {
            connect(attempt);
        } else {
            resolver.execute(() -> connect(attempt)); // only names wait for DNS, off the caller's thread
        }
        return attempt.future();
    }

    /**
     * Probes every target with at most {@code settings.concurrency()} working at once, and at most
     * {@link ProbeSettings#maxInFlight()} in flight counting those only waiting on their host (see
     * {@link #STALL_AFTER}), handing each result to {@code sink} as it completes (from any thread). Returns when all
     * are done. Keeps no result itself, so a long target list costs no more memory than the probes in flight.
     */
    public void probeAll(Collection<Target> targets, Consumer<ProbeResult> sink) {
        int sockets = settings.maxInFlight();
        Semaphore working = new Semaphore(settings.concurrency());
        Semaphore inFlight = new Semaphore(sockets);
        for (Target target : targets) {
            inFlight.acquireUninterruptibly();
            working.acquireUninterruptibly();
            AtomicBoolean freed = new AtomicBoolean();
            Runnable free = () -> {
                if (freed.compareAndSet(false, true)) {
                    working.release();
                }
            };
            probe(target, free).whenComplete((result, error) -> {
                try {
                    sink.accept(result);
                } finally {
                    free.run();
                    inFlight.release();
                }
            });
        }
        inFlight.acquireUninterruptibly(sockets); // every slot back: every probe done and handed over
    }

    private void connect(ProbeAttempt attempt) {
        if (attempt.finished()) {
            return;
        }
        InetAddress ip;
        try {
            ip = settings.resolver().resolve(attempt.target().host()); // once per attempt: this is what is dialled
        } catch (UnknownHostException e) {
            attempt.fail(ProbeOutcome.DNS_FAILURE, "'" + Printable.of(attempt.target().host()) + "' does not resolve");
            return;
        }
        attempt.resolved(ip.getHostAddress());
        Optional<String> refused = settings.dialCheck().apply(ip);
        if (refused.isPresent()) {
            attempt.fail(ProbeOutcome.NOT_ALLOWED, Printable.of(attempt.target().host()) + " resolved to "
                    + ip.getHostAddress() + ": " + refused.get());
            return;
        }
        connector.connect(new InetSocketAddress(ip, attempt.target().port()), attempt);
    }

    @Override
    public void close() {
        deadlines.close();
        resolver.shutdownNow();
        connector.close(true);
        try {
            group.shutdownNow();
        } catch (IOException ignored) {
            // closing the group's channels can only fail for channels we no longer care about
        }
        io.shutdownNow();
    }
}
