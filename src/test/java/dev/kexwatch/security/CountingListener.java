package dev.kexwatch.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP listener that counts the connections it accepts, answers each with an SSH identification
 * line and closes it. Tells whether a scan connected to an address at all.
 */
final class CountingListener implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger accepted = new AtomicInteger();

    CountingListener(String loopbackAddress) {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getByName(loopbackAddress));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread thread = new Thread(this::serve, "counting-listener-" + loopbackAddress);
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    int accepted() {
        return accepted.get();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                accepted.incrementAndGet();
                client.getOutputStream().write("SSH-2.0-counting\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // closed, or the client went away first: either way nothing more to do for it
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
