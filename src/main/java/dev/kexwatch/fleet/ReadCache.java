package dev.kexwatch.fleet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Fleet-wide aggregates (summaries, counts behind paged lists) change only when a scan ends, hosts are judged
 * again or the inventory changes, on any replica: each such change bumps the shared generation, and an aggregate
 * is kept under the generation it was computed at. A read costs one primary-key lookup of the generations; an
 * aggregate at 100,000 hosts costs hundreds of milliseconds. An entry lives at most {@link #MAX_AGE} (a backstop
 * for changes made around the service, e.g. in SQL).
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

    private record Entry(Object value, long bornNanos) {
    }

    @Inject
    Generations generations;

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private volatile long generation = -1;

    @SuppressWarnings("unchecked")
    <T> T get(String name, Supplier<T> compute) {
        long now = generations.any();
        if (now != generation) {
            generation = now;
            entries.keySet().removeIf(k -> k.generation() != now);
        }
        Key key = new Key(now, name);
        Entry entry = entries.get(key);
        if (entry == null || System.nanoTime() - entry.bornNanos() > MAX_AGE.toNanos()) {
            entry = new Entry(compute.get(), System.nanoTime());
            entries.put(key, entry);
        }
        return (T) entry.value();
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

    /** A failed count must not fail the change itself: entries then live out {@link #MAX_AGE}. */
    private void changed(String what) {
        try {
            generations.bump(Generations.Kind.results);
        } catch (RuntimeException e) {
            LOG.warnf("Report caches not invalidated after %s (%s); they expire within %s", what, e.getMessage(),
                    MAX_AGE);
        }
    }
}
