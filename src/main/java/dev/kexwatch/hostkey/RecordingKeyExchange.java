package dev.kexwatch.hostkey;

import org.apache.sshd.client.kex.DHGClient;
import org.apache.sshd.client.kex.DHGEXClient;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.kex.DHFactory;
import org.apache.sshd.common.kex.KeyExchange;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.session.Session;

/**
 * MINA's client key exchange, except that a host certificate is recorded instead of judged: MINA would
 * check principals against the address dialled and drop a certificate it dislikes, while a scanner wants
 * every field of it and whether its CA signature verifies (policy judges expiry, CA strength and the
 * signature later).
 */
final class RecordingKeyExchange extends DHGClient {

    static final int MAX_KEY_BLOB = 16 * 1024;

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

    /**
     * Refuses a host key blob larger than any real one (a 16,384-bit RSA certificate signed by a 16,384-bit CA
     * is about 5 KB) before MINA parses it, so a 100 KB "key" costs no big-number arithmetic.
     */
    @Override
    public boolean next(int cmd, Buffer buffer) throws Exception {
        if (cmd == SshConstants.SSH_MSG_KEXDH_REPLY && buffer.available() >= 4) {
            long blob = buffer.rawUInt(buffer.rpos());
            if (blob > MAX_KEY_BLOB) {
                ExchangeRecord record = ExchangeRecord.of(getSession());
                record.refuse(DeepOutcome.KEY_TOO_LARGE, "a " + blob + "-byte host key blob");
                throw new SshException(record.refusalDetail);
            }
        }
        return super.next(cmd, buffer);
    }

    @Override
    protected void verifyCertificate(Session session, OpenSshCertificate certificate) {
        ExchangeRecord record = ExchangeRecord.of(session);
        record.caSignatureVerified = CaSignature.verifies(session, certificate);
        record.certificate = certificate;
    }
}
