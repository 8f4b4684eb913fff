package dev.kexwatch.testsupport;

import static org.awaitility.Awaitility.await;

import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback server that plays one {@link HostileBehaviour} on every connection, a thread each. Used to
 * prove the probe ends every such conversation with the right outcome, in time, without harm to others.
 */
public final class HostileSshServer implements AutoCloseable {

    private final HostileBehaviour.Script behaviour;
    private final ServerSocket listener;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-ssh");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private HostileSshServer(HostileBehaviour.Script behaviour, ServerSocket listener) {
        this.behaviour = behaviour;
        this.listener = listener;
    }

    public static HostileSshServer start(HostileBehaviour behaviour) {
        return start(behaviour::play, 0);
    }

    /** A server that plays {@code script} on every connection (e.g. one past the KEXINIT, see {@link KexReplies}). */
    public static HostileSshServer scripted(HostileBehaviour.Script script) {
        return start(script, 0);
    }

    /** A server that sends this identification line and these ten KEXINIT name-lists, whatever they hold. */
    public static HostileSshServer offering(String identification, List<String> lists) {
        return offering(identification, lists, 0);
    }

    /** The same on a given port, e.g. that of a server just closed, to play one host that changed. */
    public static HostileSshServer offering(String identification, List<String> lists, int port) {
        return start(c -> c.identAndKexinit(identification, lists, false), port);
    }

    private static HostileSshServer start(HostileBehaviour.Script behaviour, int port) {
        ServerSocket listener = port == 0 ? listen(0)
                // The port of a server just closed: its last connections may hold it for a moment.
                : await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> listen(port), s -> true);
        HostileSshServer server = new HostileSshServer(behaviour, listener);
        server.threads.execute(server::acceptLoop);
        return server;
    }

    private static ServerSocket listen(int port) {
        try {
            ServerSocket listener = new ServerSocket();
            // Only for a given port: on port 0 it would let the kernel hand out ports of servers just closed,
            // which hosts of earlier tests still name.
            listener.setReuseAddress(port != 0);
            listener.bind(new InetSocketAddress(InetAddress.getByName(Ports.LOOPBACK), port), 100);
            return listener;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                open.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            behaviour.play(new Conn(socket));
        } catch (IOException clientWentAway) {
            // the probe closing on us is the expected end of most behaviours
        } finally {
            open.remove(socket);
        }
    }

    public Target target() {
        return new Target(Ports.LOOPBACK, listener.getLocalPort());
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing a listener cannot fail in a way a test cares about
        }
        open.forEach(socket -> {
            try {
                socket.setSoLinger(true, 0); // a reset: no closing state holds the port for the next server
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        });
        threads.shutdownNow();
    }
}
