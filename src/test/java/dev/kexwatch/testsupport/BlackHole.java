package dev.kexwatch.testsupport;

import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback port whose connects never complete, like a firewalled host that drops SYNs: a listener with
 * a backlog of one that never accepts, its queue filled up front. Linux then drops further SYNs, so a
 * client's connect stays pending (retransmitting) until it gives up or is cancelled.
 */
public final class BlackHole implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    private BlackHole(ServerSocket listener) {
        this.listener = listener;
    }

    public static BlackHole open() {
        try {
            BlackHole hole = new BlackHole(new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK)));
            hole.fill();
            return hole;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Linux queues backlog + 1 completed connections; after those, SYNs are dropped. */
    private void fill() throws IOException {
        for (int i = 0; i < 2; i++) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(Ports.LOOPBACK, listener.getLocalPort()), 1000);
            fillers.add(socket);
        }
    }

    public Target target() {
        return new Target(Ports.LOOPBACK, listener.getLocalPort());
    }

    @Override
    public void close() {
        try {
            for (Socket socket : fillers) {
                socket.close();
            }
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
