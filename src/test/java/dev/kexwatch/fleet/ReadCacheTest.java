package dev.kexwatch.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The report cache's rules without a database: the generation and the clock are the test's, the "transaction" of
 * a background refresh is a plain call. What the database adds (the generation as a row every replica bumps) is
 * covered by the report and replica tests.
 */
class ReadCacheTest {

    private final AtomicLong generation = new AtomicLong(1);
    private final AtomicLong now = new AtomicLong();
    private final ReadCache cache = cache();

    @AfterEach
    void stop() {
        cache.stop();
    }

    @Test
    void aValueIsComputedOnceWhileItsGenerationHolds() {
        AtomicInteger computed = new AtomicInteger();

        cache.get("summary", computed::incrementAndGet);
        cache.get("summary", computed::incrementAndGet);
        cache.get("summary", computed::incrementAndGet);

        assertThat(computed).hasValue(1);
    }

    @Test
    void anExpiredValueIsServedOnceMoreWhileOneRefreshComputesItOutsideTheRequest() {
        cache.get("summary", () -> "first");
        now.addAndGet(ReadCache.MAX_AGE.toNanos() + 1);
        AtomicInteger refreshes = new AtomicInteger();
        Thread request = Thread.currentThread();
        Supplier<String> second = () -> {
            refreshes.incrementAndGet();
            assertThat(Thread.currentThread()).isNotSameAs(request);
            return "second";
        };

        String served = cache.get("summary", second);
        String alsoServed = cache.get("summary", second);

        assertThat(served).isEqualTo("first");
        assertThat(alsoServed).isIn("first", "second");
        await().atMost(Duration.ofSeconds(10)).until(() -> cache.get("summary", () -> "third").equals("second"));
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void aMovedGenerationIsNeverAnsweredWithTheOldValue() {
        cache.get("summary", () -> "before the scan ended");
        generation.incrementAndGet();

        assertThat(cache.<String>get("summary", () -> "after")).isEqualTo("after");
    }

    @Test
    void aFailedRefreshLeavesTheNextReadToComputeTheValueItself() {
        cache.get("count", () -> 1);
        now.addAndGet(ReadCache.MAX_AGE.toNanos() + 1);

        assertThat(cache.<Integer>get("count", () -> {
            throw new IllegalStateException("database away");
        })).isEqualTo(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> cache.<Integer>get("count", () -> 2) == 2);
    }

    private ReadCache cache() {
        ReadCache readCache = new ReadCache() {
            @Override
            <T> T inOwnTransaction(Supplier<T> compute) {
                return compute.get();
            }
        };
        readCache.generations = new Generations() {
            @Override
            public long any() {
                return generation.get();
            }
        };
        readCache.nanoTime = now::get;
        return readCache;
    }
}
