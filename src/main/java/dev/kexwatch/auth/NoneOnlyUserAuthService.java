package dev.kexwatch.auth;

import java.util.List;
import org.apache.sshd.client.future.AuthFuture;
import org.apache.sshd.client.session.ClientUserAuthService;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.Service;
import org.apache.sshd.common.ServiceFactory;
import org.apache.sshd.common.session.Session;

/**
 * MINA's client user-auth service, stopped after its first request. MINA always opens with {@code none} and keeps the
 * server's "can continue" list in {@code serverMethods} before it would try the next method; here it records that
 * list on the session and gives up instead, so the server sees one {@code none} request and nothing else (no
 * password, key or keyboard-interactive attempt is ever sent).
 */
final class NoneOnlyUserAuthService extends ClientUserAuthService {

    /** The raw method names of the server's first SSH_MSG_USERAUTH_FAILURE. */
    static final AttributeKey<List<String>> SERVER_METHODS = new AttributeKey<>();

    /** Creates this service in place of MINA's {@code ssh-userauth}. */
    static final ServiceFactory FACTORY = new ServiceFactory() {
        @Override
        public String getName() {
            return "ssh-userauth";
        }

        @Override
        public Service create(Session session) {
            return new NoneOnlyUserAuthService(session);
        }
    };

    private NoneOnlyUserAuthService(Session session) {
        super(session);
    }

    @Override
    protected void tryNext(int cmd, AuthFuture future) {
        getClientSession().setAttribute(SERVER_METHODS, serverMethods == null ? List.of() : List.copyOf(serverMethods));
        future.setAuthed(false);
    }
}
