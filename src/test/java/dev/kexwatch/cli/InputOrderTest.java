package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InputOrderTest {

    @Test
    void eachValueGoesOutAsSoonAsAllBeforeItAreThere() {
        List<String> out = new ArrayList<>();
        InputOrder<String> ordered = new InputOrder<>(out::add);

        ordered.done(2, "c");
        ordered.done(1, "b");
        assertThat(out).as("0 is missing: nothing may go out").isEmpty();
        ordered.done(0, "a");
        assertThat(out).containsExactly("a", "b", "c");
        ordered.done(4, "e");
        assertThat(out).containsExactly("a", "b", "c");
        ordered.done(3, "d");
        assertThat(out).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void valuesMadeOnManyThreadsInAnyOrderComeOutInInputOrder() throws InterruptedException {
        List<Integer> out = Collections.synchronizedList(new ArrayList<>());
        InputOrder<Integer> ordered = new InputOrder<>(out::add);
        List<Integer> shuffled = new ArrayList<>(IntStream.range(0, 5_000).boxed().toList());
        Collections.shuffle(shuffled);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        shuffled.forEach(position -> pool.execute(() -> ordered.done(position, position)));
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(out).containsExactlyElementsOf(IntStream.range(0, 5_000).boxed().toList());
    }

    @Test
    void positionsAreByTargetAndARepeatIsRefused() {
        assertThat(InputOrder.positions(List.of("x:22", "y:22", "x:2222"))).containsEntry("x:22", 0)
                .containsEntry("y:22", 1).containsEntry("x:2222", 2);
        assertThatThrownBy(() -> InputOrder.positions(List.of("x:22", "y:22", "x:22")))
                .hasMessageContaining("target listed twice: x:22");
    }
}
