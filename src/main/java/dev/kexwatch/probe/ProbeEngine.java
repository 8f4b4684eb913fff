package dev.kexwatch.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.ConnectFuture;

/**
 * Captures servers' identification lines and KEXINIT name-lists with Apache MINA SSHD, then disconnects
 * without key exchange or authentication (RFC 4253 §4.2, §7.1). One engine shares one MINA client among
 * any number of probes; close it when done.
 */
public final class ProbeEngine implements AutoCloseable {

    /** Pre-identification lines kept per result; the bytes MINA reads for them are bounded separately. */
    static final int MAX_KEPT_PRE_IDENT_LINES = 50;
    private static final String USER = "kexwatch";

    private final ProbeSettings settings;
    private final Clock clock;
    private final SshClient client;
    private final ScheduledExecutorService timer;
    private final ExecutorService resolver;

    public ProbeEngine(ProbeSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public ProbeEngine(ProbeSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = ProbeClients.start(settings);
        this.timer = Executors.newSingleThreadScheduledExecutor(daemon("kexwatch-probe-deadline"));
        this.resolver = Executors.newFixedThreadPool(4, daemon("kexwatch-probe-dns"));
    }

    public ProbeSettings settings() {
        return settings;
    }

    /** Probes one target; the future always completes (never exceptionally) within the deadline. */
    public CompletableFuture<ProbeResult> probe(Target target) {
        ProbeAttempt attempt = new ProbeAttempt(target, clock.instant(), MAX_KEPT_PRE_IDENT_LINES);
        attempt.deadlineTask(timer.schedule(() -> Deadline.expire(attempt, settings.deadline()),
                settings.deadline().toNanos(), TimeUnit.NANOSECONDS));
        if (HostLiteral.isIpLiteral(target.host())) {
            connect(attempt);
        } else {
            resolver.execute(() -> connect(attempt));
        }
        return attempt.future();
    }

    /**
     * Probes every target with at most {@code settings.concurrency()} in flight, handing each result to
     * {@code sink} as it completes (from any thread). Returns when all are done.
     */
    public void probeAll(Collection<Target> targets, Consumer<ProbeResult> sink) {
        Semaphore slots = new Semaphore(settings.concurrency());
        CompletableFuture<?>[] all = new CompletableFuture<?>[targets.size()];
        int i = 0;
        for (Target target : targets) {
            slots.acquireUninterruptibly();
            all[i++] = probe(target).whenComplete((result, error) -> {
                try {
                    sink.accept(result);
                } finally {
                    slots.release();
                }
            });
        }
        CompletableFuture.allOf(all).exceptionally(e -> null).join();
    }

    private void connect(ProbeAttempt attempt) {
        if (attempt.finished()) {
            return;
        }
        InetSocketAddress address;
        try {
            InetAddress ip = InetAddress.getByName(attempt.target().host());
            attempt.resolved(ip.getHostAddress());
            address = new InetSocketAddress(ip, attempt.target().port());
        } catch (UnknownHostException e) {
            attempt.fail(ProbeOutcome.DNS_FAILURE, "'" + attempt.target().host() + "' does not resolve");
            return;
        }
        try {
            ConnectFuture future = client.connect(USER, address, CaptureListener.contextFor(attempt), null);
            attempt.onFinish(() -> future.cancel());
            future.addListener(f -> {
                if (f.isConnected()) {
                    attempt.connected(f.getClientSession());
                } else if (f.getException() != null) {
                    FailureClassifier.connectFailed(attempt, f.getException());
                }
            });
        } catch (IOException | RuntimeException e) {
            FailureClassifier.connectFailed(attempt, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        resolver.shutdownNow();
        client.stop();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
