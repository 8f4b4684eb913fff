package dev.kexwatch.probe;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.AsynchronousChannelGroup;
import java.nio.channels.AsynchronousSocketChannel;
import java.util.concurrent.ExecutorService;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.PropertyResolver;
import org.apache.sshd.common.io.DefaultIoConnectFuture;
import org.apache.sshd.common.io.IoConnectFuture;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.nio2.Nio2CompletionHandler;
import org.apache.sshd.common.io.nio2.Nio2Connector;
import org.apache.sshd.common.io.nio2.Nio2Session;

/**
 * MINA's NIO2 connector with a fully asynchronous connect. In MINA 2.20 {@link Nio2Connector#connect}
 * parks a thread of a small fixed pool (cores + 1) on every pending connect until it completes; a handful
 * of firewalled hosts that never answer a SYN then hold every other probe's connection back until their
 * deadlines, and none of that shows on loopback. Here the connect completes through the channel group's
 * completion handler, as reads and writes already do; sessions, reads and writes are MINA's own.
 */
final class ProbeConnector extends Nio2Connector {

    ProbeConnector(PropertyResolver properties, IoHandler handler, AsynchronousChannelGroup group,
            ExecutorService executor) {
        // No Nio2ServiceFactory: its only use in the connector is createSession, overridden below.
        super(null, properties, handler, group, executor);
    }

    @Override
    public IoConnectFuture connect(SocketAddress address, AttributeRepository context, SocketAddress localAddress) {
        IoConnectFuture future = new DefaultIoConnectFuture(address, null);
        AsynchronousSocketChannel socket = null;
        try {
            // MINA's setSocketOptions looks up seven properties per socket to set none a probe needs.
            socket = openAsynchronousSocketChannel(address, getChannelGroup());
            if (localAddress != null) {
                socket.bind(localAddress);
            }
            Nio2CompletionHandler<Void, Object> completion = createConnectionCompletionHandler(future, socket,
                    context, propertyResolver, getIoHandler());
            AsynchronousSocketChannel pending = socket;
            // A cancelled connect (the probe's deadline) must not leave the SYN retries running.
            future.addListener(f -> {
                if (f.isCanceled()) {
                    closeQuietly(pending);
                }
            });
            socket.connect(address, null, completion);
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            future.setException(e);
        }
        return future;
    }

    @Override
    protected Nio2Session createSession(PropertyResolver properties, IoHandler handler,
            AsynchronousSocketChannel socket) throws IOException {
        return new Nio2Session(this, properties, handler, socket, null);
    }

    private static void closeQuietly(AsynchronousSocketChannel socket) {
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
