package dev.kexwatch.probe;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Captures servers' identification lines and KEXINIT name-lists with Apache MINA SSHD, then disconnects
 * without key exchange or authentication. One engine serves any number of probes; close it when done.
 */
public final class ProbeEngine implements AutoCloseable {

    private final ProbeSettings settings;

    public ProbeEngine(ProbeSettings settings) {
        this.settings = settings;
    }

    public ProbeSettings settings() {
        return settings;
    }

    /** Probes one target; the future always completes (never exceptionally) within the deadline. */
    public CompletableFuture<ProbeResult> probe(Target target) {
        throw new UnsupportedOperationException("TODO(probe helper): implement with MINA SSHD");
    }

    /**
     * Probes every target with at most {@code settings.concurrency()} in flight, handing each result to
     * {@code sink} as it completes (from any thread). Returns when all are done.
     */
    public void probeAll(Collection<Target> targets, Consumer<ProbeResult> sink) {
        throw new UnsupportedOperationException("TODO(probe helper)");
    }

    @Override
    public void close() {
    }
}
