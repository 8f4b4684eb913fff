package dev.kexwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BoundedMemoTest {

    @Test
    void aKeyIsWorkedOutOnceEvenWhenManyThreadsAskAtOnce() throws InterruptedException {
        BoundedMemo<String, Integer> memo = new BoundedMemo<>(10);
        AtomicInteger computed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 100; i++) {
            pool.execute(() -> memo.get("offer", key -> {
                computed.incrementAndGet();
                sleep(20); // a costly first judgement: the others must wait for it, not repeat it
                return key.length();
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(computed).hasValue(1);
        assertThat(memo.get("offer", key -> -1)).isEqualTo(5);
    }

    @Test
    void pastItsBoundItStartsOverInsteadOfGrowing() {
        BoundedMemo<Integer, Integer> memo = new BoundedMemo<>(3);
        AtomicInteger computed = new AtomicInteger();
        for (int key = 0; key < 4; key++) {
            memo.get(key, k -> computed.incrementAndGet());
        }
        assertThat(computed).hasValue(4);
        memo.get(3, k -> computed.incrementAndGet());
        assertThat(computed).as("the newest key survives the start-over").hasValue(4);
        memo.get(0, k -> computed.incrementAndGet());
        assertThat(computed).as("an older key was forgotten").hasValue(5);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
