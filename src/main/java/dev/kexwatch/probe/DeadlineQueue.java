package dev.kexwatch.probe;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Ends probes that ran out of time. Every probe of an engine gets the same deadline, so probes fall due in
 * the order they started: a FIFO queue and one thread that sleeps until the oldest is due do the work of
 * a timer heap, at O(1) per probe. A probe that finishes first just lets go of its entry, which stays
 * queued (a few dozen bytes) until it is due.
 */
final class DeadlineQueue implements AutoCloseable {

    /** One probe's deadline; cleared when the probe finishes first. */
    static final class Entry {
        private final long dueNanos;
        private volatile ProbeAttempt attempt;

        private Entry(ProbeAttempt attempt, long dueNanos) {
            this.attempt = attempt;
            this.dueNanos = dueNanos;
        }

        void clear() {
            attempt = null;
        }
    }

    /**
     * The shortest sleep: every deadline due within it is ended in one wake-up. Probes started a few microseconds
     * apart each woke the thread (3 s of CPU in a 100,000-host scan); a deadline of seconds may end 10 ms late.
     */
    private static final long TICK_NANOS = Duration.ofMillis(10).toNanos();

    private final Queue<Entry> queue = new ConcurrentLinkedQueue<>();
    private final long deadlineNanos;
    private final Consumer<ProbeAttempt> expire;
    private final Thread thread;
    private volatile boolean closed;

    DeadlineQueue(Duration deadline, Consumer<ProbeAttempt> expire) {
        this.deadlineNanos = deadline.toNanos();
        this.expire = expire;
        this.thread = Daemons.start("kexwatch-probe-deadline", this::run);
    }

    /** Starts the clock of one probe. */
    void add(ProbeAttempt attempt) {
        Entry entry = new Entry(attempt, System.nanoTime() + deadlineNanos);
        attempt.deadline(entry);
        boolean wasEmpty = queue.isEmpty();
        queue.add(entry);
        if (wasEmpty) {
            LockSupport.unpark(thread); // otherwise the thread already sleeps until an earlier entry
        }
    }

    private void run() {
        while (!closed) {
            Entry head = queue.peek();
            long wait = head == null ? Long.MAX_VALUE : head.dueNanos - System.nanoTime();
            if (head == null) {
                LockSupport.park(this);
            } else if (wait > 0) {
                LockSupport.parkNanos(this, Math.max(wait, TICK_NANOS));
            } else {
                queue.poll();
                expire(head.attempt);
            }
        }
    }

    private void expire(ProbeAttempt attempt) {
        if (attempt == null) {
            return;
        }
        try {
            expire.accept(attempt);
        } catch (RuntimeException e) {
            // a result consumer failed on this thread; the other deadlines must still fire
            Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
