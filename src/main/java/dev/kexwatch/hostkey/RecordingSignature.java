package dev.kexwatch.hostkey;

import java.security.PrivateKey;
import java.security.PublicKey;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.signature.Signature;

/**
 * MINA's verifier for the asked algorithm, recording the key it is given and whether the exchange hash
 * verified, and refusing keys of another type or of absurd size before any arithmetic on them.
 */
final class RecordingSignature implements Signature {

    private final Signature delegate;
    private ExchangeRecord record;

    RecordingSignature(Signature delegate) {
        this.delegate = delegate;
    }

    @Override
    public String getAlgorithm() {
        return delegate.getAlgorithm();
    }

    @Override
    public void initVerifier(SessionContext session, PublicKey key) throws Exception {
        record = ExchangeRecord.of(session);
        record.key = key;
        String expected = KeyFacts.keyTypeFor(record.asked);
        String actual = KeyFacts.type(key);
        if (!expected.equals(actual)) {
            record.refuse(DeepOutcome.WRONG_KEY_TYPE, "asked for " + record.asked + ", got a " + actual + " key");
            throw new SshException(record.refusalDetail);
        }
        if (KeyFacts.bits(key) > KeyFacts.MAX_BITS) {
            record.refuse(DeepOutcome.KEY_TOO_LARGE, KeyFacts.bits(key) + "-bit " + actual + " key");
            throw new SshException(record.refusalDetail);
        }
        delegate.initVerifier(session, key);
    }

    @Override
    public void initSigner(SessionContext session, PrivateKey key) throws Exception {
        throw new UnsupportedOperationException("a probe never signs");
    }

    @Override
    public void update(SessionContext session, byte[] hash, int off, int len) throws Exception {
        delegate.update(session, hash, off, len);
    }

    @Override
    public boolean verify(SessionContext session, byte[] sig) throws Exception {
        boolean ok;
        try {
            ok = delegate.verify(session, sig);
        } catch (Exception malformed) {
            ok = false; // a signature blob that does not parse does not verify either
        }
        record.verified = ok;
        return ok;
    }

    @Override
    public byte[] sign(SessionContext session) throws Exception {
        throw new UnsupportedOperationException("a probe never signs");
    }
}
