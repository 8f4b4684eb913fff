package dev.kexwatch.authmethods;

import dev.kexwatch.auth.AuthMethodsProbe;
import dev.kexwatch.auth.AuthResult;
import dev.kexwatch.fleet.AuthMethodRecords;
import dev.kexwatch.fleet.AuthMethodRecords.Candidate;
import dev.kexwatch.fleet.AuthMethodsProbed;
import dev.kexwatch.fleet.Labels;
import dev.kexwatch.probe.Target;
import dev.kexwatch.fleet.ScanFinished;
import dev.kexwatch.probe.Daemons;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The service's login-method probe: after a scan, the selected hosts that answered it with an offer and were not
 * probed within {@code kexwatch.auth-methods.every} get one {@code none} request each. It runs apart from the scan,
 * on its own connection, after the scan's results are stored: a failed or slow probe never touches a KEXINIT
 * result. One probe at a time per address (politeness); replicas share the work through claims in the database.
 */
@ApplicationScoped
public class AuthMethodsRounds {

    private static final Logger LOG = Logger.getLogger(AuthMethodsRounds.class);

    @Inject
    AuthMethodsConfig config;

    @Inject
    AuthMethodRecords records;

    @Inject
    Event<AuthMethodsProbed> probed;

    @Inject
    Clock clock;

    private final ExecutorService rounds = Executors.newSingleThreadExecutor(Daemons.named("kexwatch-auth-round"));
    private volatile Map<String, String> selector = Map.of();
    private CompletableFuture<Integer> last = CompletableFuture.completedFuture(0);

    /** A bad selector stops the start, naming the key, rather than probing hosts nobody selected. */
    void onStart(@Observes StartupEvent event) {
        try {
            selector = Labels.parse(config.label().orElse(""));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("kexwatch.auth-methods.label: " + e.getMessage(), e);
        }
    }

    /** Observed on the scan's thread: only hands the round to its own thread, so the scan is free at once. */
    void afterScan(@Observes ScanFinished event) {
        if (config.enabled()) {
            start();
        }
    }

    /** Starts a round unless one is running; completes with the number of hosts probed. */
    public synchronized CompletableFuture<Integer> start() {
        if (last.isDone()) {
            last = CompletableFuture.supplyAsync(this::round, rounds);
        }
        return last;
    }

    private int round() {
        Map<String, List<Candidate>> byAddress = new LinkedHashMap<>();
        records.candidates(selector).forEach(c -> byAddress
                .computeIfAbsent(new Target(c.address(), c.port()).addressKey(), a -> new ArrayList<>())
                .add(c));
        AtomicInteger done = new AtomicInteger();
        int threads = Math.max(1, Math.min(config.concurrency(), byAddress.size()));
        ExecutorService workers = Executors.newFixedThreadPool(threads, Daemons.named("kexwatch-auth-probe"));
        try (AuthMethodsProbe probe = new AuthMethodsProbe(config.timeout())) {
            CompletableFuture.allOf(byAddress.values().stream().map(hosts -> CompletableFuture
                    .runAsync(() -> hosts.forEach(c -> done.addAndGet(probeIfDue(probe, c))), workers))
                    .toArray(CompletableFuture[]::new)).join();
        } finally {
            workers.shutdownNow();
        }
        if (done.get() > 0) {
            probed.fire(new AuthMethodsProbed(done.get()));
        }
        return done.get();
    }

    /** One host, if no replica took it within the period; a failure is logged and kept, never thrown. */
    private int probeIfDue(AuthMethodsProbe probe, Candidate host) {
        try {
            Instant now = clock.instant();
            if (!records.claim(host.hostId(), now, now.minus(config.every()))) {
                return 0;
            }
            AuthResult result = probe.attempt(new Target(host.address(), host.port()), config.user());
            result.methods().ifPresent(m -> records.store(host.hostId(), host.scanId(), m, clock.instant()));
            result.error().ifPresent(why -> {
                LOG.infof("Auth-methods probe of host %d got no answer: %s", host.hostId(), why);
                records.failed(host.hostId(), why);
            });
            return 1;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Auth-methods probe of host %d failed", host.hostId());
            return 0;
        }
    }

    @PreDestroy
    void shutdown() {
        rounds.shutdownNow();
    }
}
