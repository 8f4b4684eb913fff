package dev.kexwatch.report;

import dev.kexwatch.inventory.InventoryChanged;
import dev.kexwatch.scan.HostStatusChanged;
import dev.kexwatch.scan.ScanFinished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fleet-wide aggregates (summaries, counts behind paged lists) change only when a scan ends or hosts are
 * judged again or the inventory changes: they are computed once and kept until then, at most
 * {@link #MAX_AGE} (a backstop for changes made around the service, e.g. in SQL).
 * At 100,000 hosts an aggregate costs hundreds of milliseconds; a kept one costs nothing.
 */
@ApplicationScoped
public class ReadCache {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private record Entry(Object value, long bornNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute) {
        Entry entry = entries.get(key);
        if (entry == null || System.nanoTime() - entry.bornNanos() > MAX_AGE.toNanos()) {
            entry = new Entry(compute.get(), System.nanoTime());
            entries.put(key, entry);
        }
        return (T) entry.value();
    }

    void clear() {
        entries.clear();
    }

    void onScan(@Observes ScanFinished event) {
        clear();
    }

    void onRejudge(@Observes HostStatusChanged event) {
        clear();
    }

    void onInventory(@Observes InventoryChanged event) {
        clear();
    }
}
