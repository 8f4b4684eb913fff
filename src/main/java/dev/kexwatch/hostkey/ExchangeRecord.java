package dev.kexwatch.hostkey;

import java.security.PublicKey;
import java.util.concurrent.CompletableFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.session.SessionContext;

/**
 * What one host-key exchange saw, filled in from MINA's I/O threads. It travels in the connection context,
 * so the signature, the key exchange and the listeners of a shared client find the record of their session.
 */
final class ExchangeRecord {

    static final AttributeKey<ExchangeRecord> KEY = new AttributeKey<>();

    final String asked;
    volatile PublicKey key;
    volatile OpenSshCertificate certificate;
    volatile boolean caSignatureVerified;
    volatile Boolean verified;
    volatile DeepOutcome refusal;
    volatile String refusalDetail;
    /** Completes with null when the keys were checked (the exchange succeeded), else with what ended it. */
    final CompletableFuture<Throwable> ended = new CompletableFuture<>();

    ExchangeRecord(String asked) {
        this.asked = asked;
    }

    static ExchangeRecord of(SessionContext session) {
        if (session instanceof ClientSession client && client.getConnectionContext() != null) {
            ExchangeRecord record = client.getConnectionContext().getAttribute(KEY);
            if (record != null) {
                return record;
            }
        }
        throw new IllegalStateException("a deep-handshake session without its record");
    }

    void refuse(DeepOutcome outcome, String detail) {
        if (refusal == null) {
            refusal = outcome;
            refusalDetail = detail;
        }
    }
}
