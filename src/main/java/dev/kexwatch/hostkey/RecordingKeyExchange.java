package dev.kexwatch.hostkey;

import org.apache.sshd.client.kex.DHGClient;
import org.apache.sshd.client.kex.DHGEXClient;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.kex.DHFactory;
import org.apache.sshd.common.kex.KeyExchange;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.session.Session;

/**
 * MINA's client key exchange, except that a host certificate is recorded instead of judged: MINA would
 * check principals against the address dialled and drop a certificate it dislikes, while a scanner wants
 * every field of it (policy judges expiry and CA strength later).
 */
final class RecordingKeyExchange extends DHGClient {

    private RecordingKeyExchange(DHFactory factory, Session session) {
        super(factory, session);
    }

    static KeyExchangeFactory factory(DHFactory dh) {
        if (dh.isGroupExchange()) {
            return DHGEXClient.newFactory(dh); // asked only when a server offers nothing else
        }
        return new KeyExchangeFactory() {
            @Override
            public String getName() {
                return dh.getName();
            }

            @Override
            public KeyExchange createKeyExchange(Session session) {
                return new RecordingKeyExchange(dh, session);
            }
        };
    }

    @Override
    protected void verifyCertificate(Session session, OpenSshCertificate certificate) {
        ExchangeRecord.of(session).certificate = certificate;
    }
}
