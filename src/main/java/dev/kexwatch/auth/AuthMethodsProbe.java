package dev.kexwatch.auth;

import dev.kexwatch.probe.ServerText;
import dev.kexwatch.probe.Target;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientConnectionServiceFactory;
import org.apache.sshd.client.session.ClientSession;

/**
 * Asks a server which login methods it allows: a full key exchange with MINA SSHD's client, then one {@code none}
 * authentication request for a probe user (RFC 4252 §5.2), and the answer. Opt-in, because the server logs a failed
 * login. The host key is not verified: nothing secret is sent, and the answer is only recorded.
 */
public final class AuthMethodsProbe implements AutoCloseable {

    /** Documented default: a name no real account should have, so a probe can never be a real user's login. */
    public static final String DEFAULT_USER = "kexwatch-probe";
    /** A server's list is hostile data: at most this many names, each at most this long, are kept. */
    static final int MAX_METHODS = 32;
    static final int MAX_NAME = 64;

    private final SshClient client;
    private final Duration timeout;

    public AuthMethodsProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.setServiceFactories(List.of(NoneOnlyUserAuthService.FACTORY, ClientConnectionServiceFactory.INSTANCE));
        client.start();
    }

    /** The server's answer to {@code none} for {@code user}; throws when the exchange or the answer did not happen. */
    public AuthMethods probe(Target target, String user) throws AuthProbeException {
        try (ClientSession session = client.connect(user, target.host(), target.port()).verify(timeout)
                .getSession()) {
            AuthFuture auth = session.auth();
            if (!auth.await(timeout)) {
                throw new AuthProbeException(target + ": no answer to the none request within " + timeout, null);
            }
            if (auth.isSuccess()) {
                return new AuthMethods(user, List.of(), true);
            }
            List<String> methods = session.getAttribute(NoneOnlyUserAuthService.SERVER_METHODS);
            if (methods == null) {
                throw new AuthProbeException(target + ": authentication ended without a method list: "
                        + message(auth.getException()), auth.getException());
            }
            return new AuthMethods(user, bounded(methods), false);
        } catch (IOException e) {
            throw new AuthProbeException(target + ": " + message(e), e);
        }
    }

    /** {@link #probe}, with a failure as a value: for callers that report many hosts and stop for none. */
    public AuthResult attempt(Target target, String user) {
        try {
            return AuthResult.of(probe(target, user));
        } catch (AuthProbeException e) {
            return AuthResult.failed(e.getMessage());
        }
    }

    private static List<String> bounded(List<String> methods) {
        return methods.stream().filter(m -> !m.isEmpty()).limit(MAX_METHODS)
                .map(m -> ServerText.bounded(m, MAX_NAME)).toList();
    }

    private static String message(Throwable e) {
        return e == null ? "unknown reason" : ServerText.bounded(String.valueOf(e.getMessage()), 300);
    }

    @Override
    public void close() {
        client.stop();
    }
}
