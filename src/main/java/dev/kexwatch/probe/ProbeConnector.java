package dev.kexwatch.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.PropertyResolver;
import org.apache.sshd.common.io.IoConnectFuture;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.nio2.Nio2Connector;
import org.apache.sshd.common.io.nio2.Nio2Session;

/**
 * Opens probe connections as MINA sessions over NIO2. Reads and closing are MINA's {@link Nio2Session} (the
 * one write is {@link IdentificationWrite}); the connect is ours, for two reasons:
 * <ul>
 * <li>In MINA 2.20 {@link Nio2Connector#connect} parks a thread of a small fixed pool (cores + 1) on every
 * pending connect until it completes; a handful of firewalled hosts that never answer a SYN would hold every
 * other probe's connection back until their deadlines, and none of that shows on loopback. Here the connect
 * completes through the channel group, as reads and writes do.</li>
 * <li>No {@code IoConnectFuture}: the probe's own state says how a connect ended, and each MINA future asks
 * the logging back end for a logger on creation, which was a measurable share of a probe's CPU.</li>
 * </ul>
 */
final class ProbeConnector extends Nio2Connector {

    private final int readBufferBytes;

    /** One for all connects: the attempt rides as the attachment and holds its channel. */
    private final CompletionHandler<Void, ProbeAttempt> connected = new CompletionHandler<>() {
        @Override
        public void completed(Void result, ProbeAttempt attempt) {
            startSession(attempt);
        }

        @Override
        public void failed(Throwable error, ProbeAttempt attempt) {
            FailureClassifier.connectFailed(attempt, error);
        }
    };

    ProbeConnector(PropertyResolver properties, IoHandler handler, AsynchronousChannelGroup group,
            ExecutorService executor, int readBufferBytes) {
        // No Nio2ServiceFactory: its only use in the connector is createSession, overridden below.
        super(null, properties, handler, group, executor);
        this.readBufferBytes = readBufferBytes;
    }

    /**
     * Starts connecting; the outcome goes to the attempt: a session handed to the {@link IoHandler} with the
     * attempt under {@link ProbeHandler#ATTEMPT}, or a failed probe. Never throws.
     */
    void connect(InetSocketAddress address, ProbeAttempt attempt) {
        AsynchronousSocketChannel socket = null;
        try {
            // MINA's setSocketOptions looks up seven properties per socket to set none a probe needs.
            socket = openAsynchronousSocketChannel(address, getChannelGroup());
            attempt.channel(socket); // a deadline closes it, SYN retries and all
            socket.connect(address, attempt, connected);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            FailureClassifier.connectFailed(attempt, e);
        }
    }

    /**
     * As MINA's own connect completion, without its future: the session is mapped first, so that closing it
     * (at any point after, from any thread) unmaps it.
     */
    private void startSession(ProbeAttempt attempt) {
        Nio2Session session = null;
        try {
            session = createSession(propertyResolver, getIoHandler(), attempt.channel());
            session.setAttribute(ProbeHandler.ATTEMPT, attempt);
            mapSession(session);
            getIoHandler().sessionCreated(session);
            if (!session.isClosing()) {
                session.startReading(readBufferBytes); // sized here: no property lookup per connection
            }
        } catch (Exception e) {
            // e.g. the deadline closed the channel just as the connect completed
            if (session != null) {
                session.close(true);
            } else {
                closeQuietly(attempt.channel());
            }
            FailureClassifier.afterConnect(attempt, e);
        }
    }

    /** MINA's own connect would park a pool thread per pending connect (see above); nothing may use it. */
    @Override
    public IoConnectFuture connect(SocketAddress address, AttributeRepository context, SocketAddress localAddress) {
        throw new UnsupportedOperationException("probe connections start with connect(address, attempt)");
    }

    @Override
    protected Nio2Session createSession(PropertyResolver properties, IoHandler handler,
            AsynchronousSocketChannel socket) throws IOException {
        return new Nio2Session(this, properties, handler, socket, null);
    }

    static void closeQuietly(AsynchronousSocketChannel socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing an unconnected channel has nothing left to report
        }
    }
}
