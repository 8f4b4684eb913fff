package dev.kexwatch.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;

/**
 * Turns MINA session events into probe state: identification lines as they arrive, the server's ten
 * KEXINIT name-lists from {@code sessionNegotiationStart} (which fires before MINA matches anything, so a
 * server we could never agree with is still captured verbatim), and errors and closes.
 */
final class CaptureListener implements SessionListener {

    /** Each MINA session carries its probe in the connection context given to {@code connect}. */
    static final AttributeKey<ProbeAttempt> ATTEMPT = new AttributeKey<>();

    static AttributeRepository contextFor(ProbeAttempt attempt) {
        return AttributeRepository.ofKeyValuePair(ATTEMPT, attempt);
    }

    static Optional<ProbeAttempt> attemptOf(Session session) {
        if (session instanceof ClientSession client && client.getConnectionContext() != null) {
            return Optional.ofNullable(client.getConnectionContext().getAttribute(ATTEMPT));
        }
        return Optional.empty();
    }

    /**
     * Called for each line MINA reads before the identification, and again for the same lines whenever
     * more data arrives; so it only notes the first line (evidence for "not SSH") and the SSH line itself,
     * which MINA may reject (SSH-1) before it reports the identification as received.
     */
    @Override
    public void sessionPeerIdentificationLine(Session session, String line, List<String> extraLines) {
        attemptOf(session).ifPresent(a -> {
            a.firstLineIfNone(line);
            if (line.startsWith("SSH-")) {
                identified(a, line, extraLines);
            }
        });
    }

    @Override
    public void sessionPeerIdentificationReceived(Session session, String version, List<String> extraLines) {
        attemptOf(session).ifPresent(a -> identified(a, version, extraLines));
    }

    private static void identified(ProbeAttempt attempt, String line, List<String> preIdentLines) {
        attempt.identification(line, preIdentLines);
        if (line.startsWith("SSH-1.") && !line.startsWith("SSH-1.99-")) {
            attempt.fail(ProbeOutcome.SSH1_ONLY, "the server announced '" + Printable.of(line) + "'");
        }
    }

    @Override
    public void sessionNegotiationStart(Session session, Map<KexProposalOption, String> clientProposal,
            Map<KexProposalOption, String> serverProposal) {
        attemptOf(session).ifPresent(a -> {
            List<String> raw = new ArrayList<>(KexProposalOption.VALUES.size());
            for (KexProposalOption option : KexProposalOption.VALUES) {
                raw.add(serverProposal.getOrDefault(option, ""));
            }
            a.kexinit(raw);
        });
    }

    @Override
    public void sessionException(Session session, Throwable t) {
        attemptOf(session).ifPresent(a -> FailureClassifier.afterConnect(a, t));
    }

    @Override
    public void sessionDisconnect(Session session, int reason, String msg, String language, boolean initiator) {
        if (!initiator) {
            attemptOf(session).ifPresent(a -> a.fail(ProbeOutcome.CLOSED_EARLY, "the server disconnected "
                    + FailureClassifier.phase(a) + " (SSH_MSG_DISCONNECT reason " + reason + "): "
                    + Printable.of(String.valueOf(msg))));
        }
    }

    @Override
    public void sessionClosed(Session session) {
        attemptOf(session).ifPresent(FailureClassifier::closed);
    }
}
