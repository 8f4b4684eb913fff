package dev.kexwatch.cli;

import dev.kexwatch.probe.ProbeResult;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress on standard error while probing: done/total, rate, outcomes so far and ETA on one line, redrawn in
 * place on a terminal (at most every {@link #REDRAW}), a plain line every {@link #PLAIN} elsewhere; then a
 * one-line summary. Never written to standard output, so piped results stay clean. Called from probe threads.
 */
final class Progress implements Consumer<ProbeResult> {

    static final Duration REDRAW = Duration.ofMillis(100);
    static final Duration PLAIN = Duration.ofSeconds(5);
    /** Erase to the end of the line: a shorter redraw must not leave the tail of a longer one. */
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintWriter err;
    private final int total;
    private final boolean redraw;
    private final LongSupplier nanos;
    private final long start;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private int done;
    private long lastDraw;

    Progress(PrintWriter err, int total, boolean redraw, LongSupplier nanos) {
        this.err = err;
        this.total = total;
        this.redraw = redraw;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
        this.lastDraw = start;
    }

    @Override
    public synchronized void accept(ProbeResult result) {
        done++;
        outcomes.merge(result.outcome().name(), 1, Integer::sum);
        long now = nanos.getAsLong();
        long every = (redraw ? REDRAW : PLAIN).toNanos();
        if (now - lastDraw >= every || redraw && done == total) {
            lastDraw = now;
            draw(now);
        }
    }

    private void draw(long now) {
        double seconds = Math.max((now - start) / 1e9, 1e-3);
        double rate = done / seconds;
        String eta = done == 0 ? "?" : clock((long) ((total - done) / rate));
        String line = String.format(Locale.ROOT, "%d/%d probed  %.1f/s  %s  ETA %s", done, total, rate, counts(), eta);
        err.print(redraw ? CLEAR_LINE + line : line + System.lineSeparator());
        err.flush();
    }

    /** Clears the progress line and prints the summary. */
    synchronized void finish() {
        double seconds = (nanos.getAsLong() - start) / 1e9;
        if (redraw) {
            err.print(CLEAR_LINE);
        }
        err.printf(Locale.ROOT, "kexwatch: %d target(s) probed in %.1f s (%.1f/s): %s%n", done, seconds,
                done / Math.max(seconds, 1e-3), counts());
        err.flush();
    }

    private String counts() {
        StringBuilder text = new StringBuilder();
        outcomes.forEach((outcome, count) -> text.append(text.isEmpty() ? "" : ", ").append(outcome).append(' ')
                .append(count));
        return text.toString();
    }

    private static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
