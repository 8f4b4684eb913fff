package dev.kexwatch.probe;

import org.apache.sshd.client.ClientFactoryManager;
import org.apache.sshd.client.session.ClientSessionImpl;
import org.apache.sshd.client.session.SessionFactory;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.session.helpers.AbstractSession;
import org.apache.sshd.common.util.Readable;

/**
 * Counts the bytes each connection delivers before MINA parses them, and ends the probe once a server has
 * sent more than the per-host cap. MINA's own limits bound single packets, not a server that keeps
 * sending, so this is the one place every byte passes.
 */
final class CappedSessionFactory extends SessionFactory {

    private final long cap;

    CappedSessionFactory(ClientFactoryManager client, long cap) {
        super(client);
        this.cap = cap;
    }

    @Override
    protected ClientSessionImpl doCreateSession(IoSession ioSession) throws Exception {
        return new ProbeClientSession(getClient(), ioSession);
    }

    @Override
    public void messageReceived(IoSession ioSession, Readable message) throws Exception {
        AbstractSession session = AbstractSession.getSession(ioSession, true);
        ProbeAttempt attempt = session == null ? null : CaptureListener.attemptOf(session).orElse(null);
        if (attempt == null) {
            super.messageReceived(ioSession, message);
            return;
        }
        if (attempt.finished()) {
            return; // the probe is over; whatever else arrives is not evidence
        }
        if (!attempt.countBytes(message.available(), cap)) {
            attempt.fail(ProbeOutcome.PROTOCOL_ERROR, "the server sent more than " + cap + " bytes "
                    + FailureClassifier.phase(attempt) + " (per-host cap)");
            return;
        }
        super.messageReceived(ioSession, message);
    }
}
