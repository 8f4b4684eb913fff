package dev.kexwatch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Loopback ports for test servers: pick a free one, wait until a server accepts on it. */
public final class Ports {

    public static final String LOOPBACK = "127.0.0.1";

    private Ports() {
    }

    /** A port that was free a moment ago (the kernel picks it, so it is in the ephemeral range). */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code count} targets on loopback ports that were free a moment ago, all different: the kernel may hand out a
     * just-closed port twice, and a command counts a repeated target once.
     */
    public static java.util.List<String> refusingTargets(int count) {
        java.util.Set<String> targets = new java.util.LinkedHashSet<>();
        while (targets.size() < count) {
            targets.add(LOOPBACK + ":" + freePort());
        }
        return java.util.List.copyOf(targets);
    }

    /**
     * Waits until something accepts TCP connections on the port, failing early when {@code alive} turns
     * false (the server process died, e.g. because the port was taken).
     */
    public static void awaitListening(int port, Duration timeout, BooleanSupplier alive) {
        awaitListening(LOOPBACK, port, timeout, alive);
    }

    /** {@link #awaitListening(int, Duration, BooleanSupplier)} on another loopback address, e.g. {@code ::1}. */
    public static void awaitListening(String host, int port, Duration timeout, BooleanSupplier alive) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException("server on port " + port + " died while starting");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IllegalStateException("nothing listens on port " + port + " after " + timeout);
    }

    private static void pause() {
        try {
            Thread.sleep(20); // polling a port has no event to wait on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
