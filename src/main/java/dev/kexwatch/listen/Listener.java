package dev.kexwatch.listen;

import dev.kexwatch.probe.Daemons;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Listens for SSH clients and captures each one's identification and KEXINIT (see {@link ClientConnection}).
 * At most {@link ListenSettings#maxConnections()} connections are served at once; one more is closed on accept
 * and reported as {@link ListenOutcome#OVER_CAP}, so a flood costs a socket each, never a thread or a buffer.
 * Every connection, captured or not, reaches the sink exactly once, from a pool or the accept thread.
 */
public final class Listener implements AutoCloseable {

    private final ListenSettings settings;
    private final Clock clock;
    private final Consumer<Capture> sink;
    private final ServerSocket server;
    private final ExecutorService pool;
    private final Semaphore slots;
    private final Thread acceptor;

    private Listener(ListenSettings settings, Clock clock, Consumer<Capture> sink) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.sink = sink;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(settings.bind(), settings.port()), 128);
        this.pool = Executors.newFixedThreadPool(settings.maxConnections(), Daemons.named("kexwatch-listen-client"));
        this.slots = new Semaphore(settings.maxConnections());
        this.acceptor = Daemons.named("kexwatch-listen-accept").newThread(this::acceptLoop);
    }

    /** Binds and starts accepting; {@code sink} gets every connection's {@link Capture}. */
    public static Listener start(ListenSettings settings, Clock clock, Consumer<Capture> sink) throws IOException {
        Listener listener = new Listener(settings, clock, sink);
        listener.acceptor.start();
        return listener;
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                if (slots.tryAcquire()) {
                    pool.execute(() -> serve(socket));
                } else {
                    refuse(socket);
                }
            } catch (IOException e) {
                // closed by close(), or one failed accept: the loop condition decides
            }
        }
    }

    private void serve(Socket socket) {
        try {
            sink.accept(new ClientConnection(socket, settings, clock).serve());
        } finally {
            slots.release();
        }
    }

    private void refuse(Socket socket) {
        try (socket) {
            sink.accept(ClientConnection.refused(socket, clock));
        } catch (IOException e) {
            // closing a socket we never used has nothing to report
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // nothing is left to listen on either way
        }
        pool.shutdownNow();
    }
}
