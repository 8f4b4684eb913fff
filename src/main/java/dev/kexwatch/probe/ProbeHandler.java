package dev.kexwatch.probe;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.io.nio2.Nio2Session;
import org.apache.sshd.common.util.Readable;

/**
 * The probe's side of every connection, at MINA's I/O layer: sends our identification line (RFC 4253
 * §4.2) and hands what the server sends to a {@link ServerHelloReader}. It never sends a KEXINIT: a server
 * sends its own without waiting for the client's (§7.1), which OpenSSH, Dropbear, tinysshd and MINA's
 * server all do (see their probe tests).
 */
final class ProbeHandler implements IoHandler {

    /** Each connection carries its probe under this session attribute, set by {@link ProbeConnector}. */
    static final Object ATTEMPT = ProbeAttempt.class;

    private static final Object READER = ServerHelloReader.class;
    private final byte[] identification;
    private final int maxBytes;

    ProbeHandler(String identification, int maxBytes) {
        this.identification = (identification + "\r\n").getBytes(StandardCharsets.US_ASCII);
        this.maxBytes = maxBytes;
    }

    @Override
    public void sessionCreated(IoSession session) throws Exception {
        Optional<ProbeAttempt> found = attemptOf(session);
        if (found.isEmpty()) {
            session.close(true);
            return;
        }
        ProbeAttempt attempt = found.get();
        session.setAttribute(READER, new ServerHelloReader(attempt, maxBytes));
        attempt.connected(session);
        IdentificationWrite.start(((Nio2Session) session).getSocket(), identification, attempt);
    }

    @Override
    public void messageReceived(IoSession session, Readable message) {
        Object reader = session.getAttribute(READER);
        if (reader instanceof ServerHelloReader hello) {
            try {
                hello.feed(message);
            } catch (RuntimeException e) {
                attemptOf(session).ifPresent(a -> a.fail(ProbeOutcome.PROTOCOL_ERROR, "unreadable server data: "
                        + Printable.of(String.valueOf(e.getMessage()))));
            }
        }
    }

    @Override
    public void exceptionCaught(IoSession session, Throwable cause) {
        attemptOf(session).ifPresent(a -> FailureClassifier.afterConnect(a, cause));
        session.close(true);
    }

    @Override
    public void sessionClosed(IoSession session) {
        attemptOf(session).ifPresent(FailureClassifier::closed);
    }

    private static Optional<ProbeAttempt> attemptOf(IoSession session) {
        return session.getAttribute(ATTEMPT) instanceof ProbeAttempt attempt ? Optional.of(attempt) : Optional.empty();
    }
}
