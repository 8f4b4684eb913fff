package dev.kexwatch.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.AsynchronousChannelGroup;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
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

    private final ProbeSettings settings;
    private final Clock clock;
    private final ExecutorService io;
    private final AsynchronousChannelGroup group;
    private final ProbeConnector connector;
    private final DeadlineQueue deadlines;
    private final ExecutorService resolver;

    public ProbeEngine(ProbeSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public ProbeEngine(ProbeSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        this.io = Executors.newFixedThreadPool(threads, daemon("kexwatch-probe-io"));
        try {
            this.group = AsynchronousChannelGroup.withThreadPool(io);
        } catch (IOException e) {
            io.shutdownNow();
            throw new UncheckedIOException(e);
        }
        this.connector = new ProbeConnector(PropertyResolverUtils.toPropertyResolver(Map.of()),
                new ProbeHandler(ClientIdentification.LINE, settings.maxBytes()), group, io, READ_BUFFER_BYTES);
        this.deadlines = new DeadlineQueue(settings.deadline(), a -> Deadline.expire(a, settings.deadline()));
        this.resolver = Executors.newFixedThreadPool(4, daemon("kexwatch-probe-dns"));
    }

    public ProbeSettings settings() {
        return settings;
    }

    /** Probes one target; the future always completes (never exceptionally) within the deadline. */
    public CompletableFuture<ProbeResult> probe(Target target) {
        ProbeAttempt attempt = new ProbeAttempt(target, clock.instant());
        deadlines.add(attempt);
        if (HostLiteral.isIpLiteral(target.host())) {
            connect(attempt);
        } else {
            resolver.execute(() -> connect(attempt)); // only names wait for DNS, off the caller's thread
        }
        return attempt.future();
    }

    /**
     * Probes every target with at most {@code settings.concurrency()} in flight, handing each result to
     * {@code sink} as it completes (from any thread). Returns when all are done. Keeps no result itself,
     * so a long target list costs no more memory than the probes in flight.
     */
    public void probeAll(Collection<Target> targets, Consumer<ProbeResult> sink) {
        int slots = settings.concurrency();
        Semaphore free = new Semaphore(slots);
        for (Target target : targets) {
            free.acquireUninterruptibly();
            probe(target).whenComplete((result, error) -> {
                try {
                    sink.accept(result);
                } finally {
                    free.release();
                }
            });
        }
        free.acquireUninterruptibly(slots); // every slot back: every probe done and handed over
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

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
