package dev.kexwatch.probe;

import java.time.Duration;
import java.util.List;

/**
 * Every clock of a probe: the whole probe's deadline, one per step ({@link PhaseDeadlines}), and the moment it counts
 * as waiting ({@link ProbeEngine#STALL_AFTER}). Each clock has one duration for all probes, so each is a FIFO
 * {@link DeadlineQueue}: O(1) per probe however many are in flight.
 */
final class Deadlines implements ProbeAttempt.Steps, AutoCloseable {

    private final DeadlineQueue whole;
    private final DeadlineQueue connect;
    private final DeadlineQueue identification;
    private final DeadlineQueue kexinit;
    private final DeadlineQueue stall;

    Deadlines(Duration deadline, PhaseDeadlines phases, Duration stallAfter) {
        this.whole = new DeadlineQueue(deadline, a -> Deadline.expire(a, deadline));
        this.connect = new DeadlineQueue(phases.connect(), a -> Deadline.connect(a, phases.connect()));
        this.identification = new DeadlineQueue(phases.identification(),
                a -> Deadline.identification(a, phases.identification()));
        this.kexinit = new DeadlineQueue(phases.kexinit(), a -> Deadline.kexinit(a, phases.kexinit()));
        this.stall = new DeadlineQueue(stallAfter, ProbeAttempt::stalled);
    }

    /** The probe starts: its whole deadline, its connect deadline and its stall clock start now. */
    void started(ProbeAttempt attempt) {
        whole.add(attempt);
        connect.add(attempt);
        stall.add(attempt);
    }

    @Override
    public void connected(ProbeAttempt attempt) {
        identification.add(attempt);
    }

    @Override
    public void identified(ProbeAttempt attempt) {
        kexinit.add(attempt);
    }

    @Override
    public void close() {
        List.of(whole, connect, identification, kexinit, stall).forEach(DeadlineQueue::close);
    }
}
