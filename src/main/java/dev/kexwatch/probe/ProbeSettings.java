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
 */
public record ProbeSettings(Duration deadline, int concurrency, int maxBytes, Resolver resolver,
        Function<InetAddress, Optional<String>> dialCheck) {

    public static final ProbeSettings DEFAULT = new ProbeSettings(Duration.ofSeconds(10), 64, 256 * 1024);

    /** The system resolver, and every address may be dialled. */
    public ProbeSettings(Duration deadline, int concurrency, int maxBytes) {
        this(deadline, concurrency, maxBytes, InetAddress::getByName, address -> Optional.empty());
    }

    /** The same limits, dialling only addresses {@code dialCheck} lets through. */
    public ProbeSettings dialling(Function<InetAddress, Optional<String>> check) {
        return new ProbeSettings(deadline, concurrency, maxBytes, resolver, check);
    }

    /** The same limits, names resolved by {@code names}. */
    public ProbeSettings resolvingWith(Resolver names) {
        return new ProbeSettings(deadline, concurrency, maxBytes, names, dialCheck);
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
    }
}
