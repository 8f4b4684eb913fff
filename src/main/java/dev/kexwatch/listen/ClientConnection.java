package dev.kexwatch.listen;

import dev.kexwatch.probe.PeerHello;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;

/**
 * One client connection: send the listener's hello, read the client's identification and KEXINIT within the
 * time and byte bounds, then say goodbye with SSH_MSG_DISCONNECT. Blocking I/O on a pool thread: the pool is
 * as large as the connection cap, so a thread per connection is bounded and the code reads top to bottom.
 */
final class ClientConnection {

    /** After the goodbye, what the client still sends is read and dropped, so closing does not reset it. */
    private static final int DRAIN_MILLIS = 1000;
    private static final int DRAIN_BYTES = 64 * 1024;

    private final Socket socket;
    private final ListenSettings settings;
    private final Target peer;
    private final Instant startedAt;
    private final long deadlineNanos;

    ClientConnection(Socket socket, ListenSettings settings, Clock clock) {
        this.socket = socket;
        this.settings = settings;
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.peer = new Target(remote.getAddress().getHostAddress(), remote.getPort());
        this.startedAt = clock.instant();
        this.deadlineNanos = System.nanoTime() + settings.timeout().toNanos();
    }

    static Capture refused(Socket socket, Clock clock) {
        InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        Target peer = new Target(remote.getAddress().getHostAddress(), remote.getPort());
        return new Capture(peer.toString(), ListenOutcome.OVER_CAP, ListenOutcome.OVER_CAP.message(),
                java.util.Optional.empty(), java.util.Optional.empty(), clock.instant());
    }

    Capture serve() {
        PeerHello hello = new PeerHello(peer, startedAt, settings.maxBytes());
        try (socket) {
            OutputStream out = socket.getOutputStream();
            out.write(concat(ListenerHello.identification(), ListenerHello.kexinit()));
            out.flush();
            read(socket.getInputStream(), hello);
            goodbye(out, hello.result());
        } catch (IOException e) {
            if (!hello.finished()) {
                hello.failed(e);
            }
        }
        return capture(hello.result());
    }

    private void read(InputStream in, PeerHello hello) throws IOException {
        byte[] buffer = new byte[4096];
        while (!hello.finished()) {
            long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                hello.timedOut(settings.timeout().toMillis());
                return;
            }
            socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException e) {
                continue; // the loop sees the deadline
            }
            if (n < 0) {
                hello.closed();
            } else {
                hello.feed(buffer, 0, n);
            }
        }
    }

    /** A captured client learns why the server leaves; one that broke the protocol is told so. */
    private void goodbye(OutputStream out, ProbeResult result) throws IOException {
        ListenOutcome outcome = ListenOutcome.of(result.outcome());
        if (outcome == ListenOutcome.CAPTURED) {
            out.write(ListenerHello.disconnect(ListenerHello.BY_APPLICATION, ListenerHello.CAPTURED_REASON));
        } else if (outcome == ListenOutcome.PROTOCOL_ERROR && result.identification().isPresent()) {
            out.write(ListenerHello.disconnect(ListenerHello.PROTOCOL_ERROR, "kexwatch listen: " + outcome.message()));
        } else {
            return;
        }
        out.flush();
        socket.shutdownOutput();
        drain();
    }

    private void drain() {
        try {
            socket.setSoTimeout(DRAIN_MILLIS);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int total = 0;
            int n;
            while (total < DRAIN_BYTES && (n = in.read(buffer)) >= 0) {
                total += n;
            }
        } catch (IOException e) {
            // the client left first, or stayed too long: either way the capture is complete
        }
    }

    private Capture capture(ProbeResult result) {
        ListenOutcome outcome = ListenOutcome.of(result.outcome());
        return new Capture(peer.toString(), outcome, clientWords(result.detail()), result.identification(),
                result.offer(), startedAt);
    }

    /** The probe's reader words its verdicts for a server; here the peer is a client. */
    static String clientWords(String detail) {
        return detail.replace("the server's", "the client's").replace("the server", "the client")
                .replace("per-host cap", "per-client cap");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
