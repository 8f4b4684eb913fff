package dev.kexwatch.compliance;

import dev.kexwatch.fleet.Host;
import dev.kexwatch.fleet.HostRelabelled;
import dev.kexwatch.fleet.HostStatusChanged;
import dev.kexwatch.fleet.Hosts;
import dev.kexwatch.fleet.ResultStore;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.probe.Daemons;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Judges hosts' latest stored offers again, without probing: all of them when the policies change, one when its
 * labels change (policies select hosts by label). A re-judge that lost a race to a scan storing a newer result
 * writes nothing and is repeated on the newer result.
 */
@ApplicationScoped
public class Rejudger {

    private static final Logger LOG = Logger.getLogger(Rejudger.class);
    private static final int PAGE = 500;
    /** A scan stores a batch in milliseconds: a re-judge that keeps losing to it has no chance only in theory. */
    private static final int ATTEMPTS = 5;

    @Inject
    ResultStore store;

    @Inject
    Event<HostStatusChanged> changed;

    @Inject
    TransactionSynchronizationRegistry transaction;

    @Inject
    Hosts hosts;

    /** Tells observers of a label change's re-judge, outside the transaction that made it. */
    private final ExecutorService afterCommit =
            Executors.newSingleThreadExecutor(Daemons.named("kexwatch-relabel-notify"));

    @PreDestroy
    void shutdown() {
        afterCommit.shutdownNow();
    }

    void onChange(@Observes PoliciesChanged event) {
        Instant start = Instant.now();
        int judged = rejudgeAll();
        LOG.infof("Re-judged %d hosts under the new policies in %s", judged, Duration.between(start, Instant.now()));
        changed.fire(new HostStatusChanged(judged));
    }

    /**
     * In the transaction of the label change, so labels and verdict change together; the host's status row is
     * locked from read to write, so a scan storing at the same moment waits (or, having read first, repeats).
     * The gauges and report caches hear of it once that transaction committed, on a thread of their own: they
     * read (and the caches' generation writes) what it wrote, a refresh must never wait on a gauge's monitor
     * (held by the scan thread's observers) while this transaction holds row locks, and observers run inside
     * {@code afterCompletion} would meet a transaction that is no longer active (their database work failed
     * there, and in one full run the PUT hung until its client gave up).
     */
    void onRelabel(@Observes HostRelabelled event) {
        Host host = hosts.find(event.hostId()).orElseThrow();
        store.rejudgeLocked(event.hostId(), new HostRef(host.address, host.port, host.labels));
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    afterCommit.execute(() -> changed.fire(new HostStatusChanged(1)));
                }
            }
        });
    }

    int rejudgeAll() {
        int judged = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Host> page = QuarkusTransaction.requiringNew().call(() -> hosts.judgedAfter(from, PAGE));
            if (page.isEmpty()) {
                return judged;
            }
            rejudge(page);
            judged += page.size();
            after = page.get(page.size() - 1).id;
        }
    }

    private void rejudge(List<Host> hosts) {
        if (hosts.isEmpty()) {
            return;
        }
        Map<Long, HostRef> refs = hosts.stream()
                .collect(Collectors.toMap(h -> h.id, h -> new HostRef(h.address, h.port, h.labels)));
        for (int attempt = 1; ; attempt++) {
            try {
                store.rejudge(refs);
                return;
            } catch (RuntimeException e) {
                if (!ResultStore.lostRace(e) || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.debugf("Re-judge of %d hosts lost a race to a scan (attempt %d); judging the newer results",
                        refs.size(), attempt);
            }
        }
    }
}
