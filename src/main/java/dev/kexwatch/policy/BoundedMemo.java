package dev.kexwatch.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values worked out once per distinct key: a fleet runs few distinct configurations, so judging and rendering are
 * remembered per configuration. At most {@code max} keys; past that the memo starts over, so a hostile fleet of
 * all-different answers only misses instead of growing it. Safe from many threads; a key is computed once, others
 * asking for it meanwhile wait (the first judgement of an offer is the costly one). {@code compute} must not use the
 * same memo.
 */
public final class BoundedMemo<K, V> {

    private final int max;
    private final Map<K, V> known = new ConcurrentHashMap<>();

    public BoundedMemo(int max) {
        this.max = max;
    }

    public V get(K key, Function<? super K, ? extends V> compute) {
        V value = known.get(key);
        if (value != null) {
            return value;
        }
        if (known.size() >= max) {
            known.clear();
        }
        return known.computeIfAbsent(key, compute);
    }
}
