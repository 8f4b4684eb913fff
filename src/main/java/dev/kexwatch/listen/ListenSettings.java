package dev.kexwatch.listen;

import java.net.InetAddress;
import java.time.Duration;

/**
 * How the listener listens.
 *
 * @param bind the address to bind; loopback unless the user asks otherwise
 * @param port the TCP port; 0 picks a free one
 * @param maxConnections connections served at once; more are closed at once with {@link ListenOutcome#OVER_CAP}
 * @param timeout how long one client has, from accept to its KEXINIT (silence and slow drips end here)
 * @param maxBytes bytes read from one client at most (garbage and huge KEXINITs end here)
 */
public record ListenSettings(InetAddress bind, int port, int maxConnections, Duration timeout, int maxBytes) {

    public static final int DEFAULT_PORT = 2222;
    public static final int DEFAULT_MAX_CONNECTIONS = 32;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** A real client's identification and KEXINIT are 1-3 KB; the probe's packet bound plus 64 KiB of lines. */
    public static final int DEFAULT_MAX_BYTES = 320 * 1024;

    public ListenSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("the connection cap must be at least 1, not " + maxConnections);
        }
    }

    /** Loopback on {@code port} with the default bounds. */
    public static ListenSettings loopback(int port) {
        return new ListenSettings(InetAddress.getLoopbackAddress(), port, DEFAULT_MAX_CONNECTIONS, DEFAULT_TIMEOUT,
                DEFAULT_MAX_BYTES);
    }

    public ListenSettings withBind(InetAddress address) {
        return new ListenSettings(address, port, maxConnections, timeout, maxBytes);
    }

    public ListenSettings withTimeout(Duration value) {
        return new ListenSettings(bind, port, maxConnections, value, maxBytes);
    }

    public ListenSettings withMaxConnections(int value) {
        return new ListenSettings(bind, port, value, timeout, maxBytes);
    }
}
