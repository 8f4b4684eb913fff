package dev.kexwatch.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hands values made in any order to {@code sink} in the order of their targets' input positions, each as soon as
 * every earlier one is there: output of a long scan streams out instead of waiting, whole, in memory for the last
 * probe. {@code sink} runs on the thread that completed the run, one value at a time.
 */
final class InputOrder<R> {

    private final Map<Integer, R> early = new HashMap<>();
    private final Consumer<R> sink;
    private int next;

    InputOrder(Consumer<R> sink) {
        this.sink = sink;
    }

    synchronized void done(int position, R value) {
        early.put(position, value);
        for (R ready = early.remove(next); ready != null; ready = early.remove(next)) {
            sink.accept(ready);
            next++;
        }
    }

    /** Positions of distinct targets ({@link TargetList} drops repeats; a repeat here is a bug). */
    static <T> Map<T, Integer> positions(List<T> targets) {
        Map<T, Integer> positions = new HashMap<>(targets.size() * 2);
        for (int i = 0; i < targets.size(); i++) {
            if (positions.putIfAbsent(targets.get(i), i) != null) {
                throw new IllegalArgumentException("target listed twice: " + targets.get(i));
            }
        }
        return positions;
    }
}
