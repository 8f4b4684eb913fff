package dev.kexwatch.hostkey;

import java.util.List;
import org.apache.sshd.client.ClientFactoryManager;
import org.apache.sshd.client.session.ClientSessionImpl;
import org.apache.sshd.client.session.SessionFactory;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;

/**
 * A client session whose KEXINIT offers exactly one host-key algorithm: the one its connection asked for.
 * One shared client serves every algorithm this way, instead of one client (and thread pool) per name.
 */
final class DeepSession extends ClientSessionImpl {

    DeepSession(ClientFactoryManager client, IoSession io) throws Exception {
        super(client, io);
    }

    static SessionFactory factory(ClientFactoryManager client) {
        return new SessionFactory(client) {
            @Override
            protected ClientSessionImpl doCreateSession(IoSession io) throws Exception {
                return new DeepSession(getClient(), io);
            }
        };
    }

    /** Whether MINA can verify signatures of this host-key algorithm at all. */
    static boolean supported(String algorithm) {
        BuiltinSignatures builtin = BuiltinSignatures.fromFactoryName(algorithm);
        return builtin != null && builtin.isSupported();
    }

    @Override
    public List<NamedFactory<Signature>> getSignatureFactories() {
        String asked = ExchangeRecord.of(this).asked;
        BuiltinSignatures builtin = BuiltinSignatures.fromFactoryName(asked);
        return List.of(new NamedFactory<Signature>() {
            @Override
            public String getName() {
                return asked;
            }

            @Override
            public Signature create() {
                return new RecordingSignature(builtin.create());
            }
        });
    }
}
