package dev.kexwatch.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Probe limits.
 *
 * @param deadline the whole probe of one target, connect to KEXINIT, must end within this
 * @param concurrency probes in flight at once in {@link ProbeEngine#probeAll}
 * @param maxBytes bytes read from one target at the most before the probe gives up (hostile servers)
 * @param resolver turns a name into the one address an attempt dials; asked once per attempt
 * @param dialCheck why an address may not be dialled (empty: it may); asked for the very address dialled, after
 *     DNS, so a name that resolves elsewhere on a later attempt (DNS rebinding) is not dialled
 * @param phases the deadline of each step (connect, identification, KEXINIT), within {@code deadline}
 */
public record ProbeSettings(Duration deadline, int concurrency, int maxBytes, Resolver resolver,
        Function<InetAddress, Optional<String>> dialCheck, PhaseDeadlines phases) {

    public static final ProbeSettings DEFAULT = new ProbeSettings(Duration.ofSeconds(10), 256, 256 * 1024);

    /**
     * Probes that only wait (see {@link ProbeEngine#STALL_AFTER}) may add up to this many times {@code concurrency}
     * less one. Not more: on an overloaded scanner or network every probe looks slow, and more in flight would only
     * turn slow answers into timeouts (16 did, on a machine at load 25).
     */
    static final int WAITING_FACTOR = 4;
    /** Sockets in flight at the most, whatever the concurrency: each is a file descriptor and a few KiB. */
    static final int MAX_IN_FLIGHT = 8192;

    /** The system resolver, every address may be dialled, the default phase deadlines. */
    public ProbeSettings(Duration deadline, int concurrency, int maxBytes) {
        this(deadline, concurrency, maxBytes, InetAddress::getByName, address -> Optional.empty(),
                PhaseDeadlines.DEFAULT);
    }

    /** The same limits, dialling only addresses {@code dialCheck} lets through. */
    public ProbeSettings dialling(Function<InetAddress, Optional<String>> check) {
        return new ProbeSettings(deadline, concurrency, maxBytes, resolver, check, phases);
    }

    /** The same limits, names resolved by {@code names}. */
    public ProbeSettings resolvingWith(Resolver names) {
        return new ProbeSettings(deadline, concurrency, maxBytes, names, dialCheck, phases);
    }

    /** The same limits with these phase deadlines. */
    public ProbeSettings withPhases(PhaseDeadlines steps) {
        return new ProbeSettings(deadline, concurrency, maxBytes, resolver, dialCheck, steps);
    }

    /**
     * Probes in flight at the most, counting those that only wait on a silent or slow host: {@code concurrency}
     * probes that work, and up to {@value #WAITING_FACTOR} times as many that wait (never fewer than
     * {@code concurrency}, never more than {@value #MAX_IN_FLIGHT} unless {@code concurrency} asks for more).
     */
    public int maxInFlight() {
        return maxInFlight(concurrency);
    }

    /** {@link #maxInFlight()} for a given number of probes working at once. */
    public static int maxInFlight(int concurrency) {
        return (int) Math.max(concurrency, Math.min((long) concurrency * WAITING_FACTOR, MAX_IN_FLIGHT));
    }

    /** A name to one address; IP literals are parsed, not looked up. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress resolve(String host) throws UnknownHostException;
    }

    public ProbeSettings {
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("probe deadline must be positive");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("probe concurrency must be at least 1");
        }
        Objects.requireNonNull(resolver, "resolver");
        Objects.requireNonNull(dialCheck, "dialCheck");
        Objects.requireNonNull(phases, "phases");
    }
}
