package dev.kexwatch.fleet;

import dev.kexwatch.probe.Daemons;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Fleet-wide aggregates (summaries, counts behind paged lists) change only when a scan ends, hosts are judged
 * again or the inventory changes, on any replica: each such change bumps the shared generation, and an aggregate
 * is kept under the generation it was computed at. A read costs one primary-key lookup of the generations; an
 * aggregate at 100,000 hosts costs hundreds of milliseconds.
 * <p>
 * An entry older than {@link #MAX_AGE} (a backstop for changes made around the service, e.g. in SQL, and for the
 * results a running scan stores before its end bumps the generation) is still served while one background
 * refresh computes it again: during a nightly scan the summary was recomputed every 30 s inside the request
 * that found it expired, ~1 s of aggregates that put the summary's p95 over its goal. A value of an older
 * generation is never served: a moved generation is computed in the request, as a missing entry is.
 * <p>
 * Why not quarkus-cache: the key must hold a generation read from the database anyway (a local invalidation
 * cannot reach the other replicas), and what remains is a map of a dozen entries dropped as a whole when the
 * generation moves; a value computed under an old generation is stored under that generation's key, so it can
 * never be served after the change (the race a clear-then-put cache had).
 */
@ApplicationScoped
public class ReadCache {

    private static final Logger LOG = Logger.getLogger(ReadCache.class);

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private record Key(long generation, String name) {
    }

    private record Entry(Object value, long bornNanos, AtomicBoolean refreshing) {
    }

    @Inject
    Generations generations;

    /** The clock of entries' ages (a test moves it). */
    LongSupplier nanoTime = System::nanoTime;

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final ExecutorService refresher =
            Executors.newSingleThreadExecutor(Daemons.named("kexwatch-report-refresh"));
    private volatile long generation = -1;

    /**
     * The value under {@code name} at the current generation. {@code compute} may also run later on the refresh
     * thread in a transaction of its own, so it must build its own queries (not use ones bound to the caller's).
     */
    @SuppressWarnings("unchecked")
    <T> T get(String name, Supplier<T> compute) {
        long now = generations.any();
        if (now != generation) {
            generation = now;
            entries.keySet().removeIf(k -> k.generation() != now);
        }
        Key key = new Key(now, name);
        Entry entry = entries.get(key);
        if (entry == null) {
            entry = entry(compute.get());
            entries.put(key, entry);
        } else if (nanoTime.getAsLong() - entry.bornNanos() > MAX_AGE.toNanos()
                && entry.refreshing().compareAndSet(false, true)) {
            Entry stale = entry;
            refresher.execute(() -> refresh(key, stale, compute));
        }
        return (T) entry.value();
    }

    /** Replaces the entry only if it is still the one found expired (a moved generation dropped it). */
    private void refresh(Key key, Entry stale, Supplier<?> compute) {
        try {
            entries.replace(key, stale, entry(inOwnTransaction(compute)));
        } catch (RuntimeException e) {
            LOG.warnf("Report cache entry '%s' not refreshed (%s); it is computed again on the next read", key.name(),
                    e.getMessage());
            entries.remove(key, stale);
        }
    }

    private Entry entry(Object value) {
        return new Entry(value, nanoTime.getAsLong(), new AtomicBoolean());
    }

    /** The refresh thread has no transaction of its own; the caller's ended with its request. */
    <T> T inOwnTransaction(Supplier<T> compute) {
        return QuarkusTransaction.requiringNew().call(compute::get);
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    void onScan(@Observes ScanFinished event) {
        changed("scan " + event.scanId() + " ended");
    }

    void onRejudge(@Observes HostStatusChanged event) {
        changed("hosts judged again");
    }

    void onInventory(@Observes InventoryChanged event) {
        changed("inventory changed");
    }

    /** A failed count must not fail the change itself: entries are then computed again after {@link #MAX_AGE}. */
    private void changed(String what) {
        try {
            generations.bump(Generations.Kind.results);
        } catch (RuntimeException e) {
            LOG.warnf("Report caches not invalidated after %s (%s); they are computed again after %s", what,
                    e.getMessage(), MAX_AGE);
        }
    }
}
