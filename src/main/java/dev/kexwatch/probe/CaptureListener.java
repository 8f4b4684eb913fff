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

    @Override
    public void sessionPeerIdentificationLine(Session session, String line, List<String> extraLines) {
        if (!line.startsWith("SSH-")) {
            attemptOf(session).ifPresent(a -> a.preIdentificationLine(line));
        }
    }

    @Override
    public void sessionPeerIdentificationReceived(Session session, String version, List<String> extraLines) {
        attemptOf(session).ifPresent(a -> {
            a.identification(version);
            if (version.startsWith("SSH-1.") && !version.startsWith("SSH-1.99-")) {
                a.fail(ProbeOutcome.SSH1_ONLY, "the server announced '" + Printable.of(version) + "'");
            }
        });
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
    public void sessionClosed(Session session) {
        attemptOf(session).ifPresent(FailureClassifier::closed);
    }
}
