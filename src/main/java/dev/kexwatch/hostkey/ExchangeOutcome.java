package dev.kexwatch.hostkey;

import java.io.EOFException;
import java.security.spec.InvalidKeySpecException;
import java.util.Locale;
import java.util.Optional;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.util.buffer.BufferException;

/** Turns what an exchange recorded, and what ended it, into a {@link HostKey} with a named outcome. */
final class ExchangeOutcome {

    private ExchangeOutcome() {
    }

    static HostKey of(ExchangeRecord record, Throwable ended) {
        if (ended == null && record.key != null && Boolean.TRUE.equals(record.verified)) {
            return result(record, DeepOutcome.OK, "key exchange completed, signature verified");
        }
        DeepOutcome outcome = classify(record, ended);
        String detail = record.refusal != null ? record.refusalDetail
                : KeyFacts.safe(ended == null ? "" : ended.getClass().getSimpleName() + ": " + ended.getMessage());
        return result(record, outcome, detail);
    }

    static HostKey timedOut(ExchangeRecord record) {
        return result(record, DeepOutcome.TIMEOUT, "the key exchange did not finish within the deadline");
    }

    private static HostKey result(ExchangeRecord record, DeepOutcome outcome, String detail) {
        Optional<KeyInfo> key = Optional.ofNullable(record.key).map(KeyFacts::of);
        Optional<HostCertificate> cert = Optional.ofNullable(record.certificate)
                .map(c -> certificate(c, record.caSignatureVerified));
        return new HostKey(record.asked, key, Boolean.TRUE.equals(record.verified), cert, outcome, detail);
    }

    private static DeepOutcome classify(ExchangeRecord record, Throwable ended) {
        if (record.refusal != null) {
            return record.refusal;
        }
        if (Boolean.FALSE.equals(record.verified)) {
            return DeepOutcome.BAD_SIGNATURE;
        }
        Throwable root = root(ended);
        String message = String.valueOf(ended == null ? "" : ended.getMessage()).toLowerCase(Locale.ROOT)
                + " " + String.valueOf(root == null ? "" : root.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("negotiate")) {
            return DeepOutcome.NOT_NEGOTIATED;
        }
        if (message.contains("certificate")) {
            return DeepOutcome.WRONG_KEY_TYPE;
        }
        if (root instanceof BufferException || root instanceof EOFException || message.contains("underflow")) {
            return DeepOutcome.TRUNCATED;
        }
        if (root instanceof InvalidKeySpecException || message.contains("key type") || message.contains("public key")) {
            return DeepOutcome.KEY_UNPARSEABLE;
        }
        if (message.contains("closed") || message.contains("disconnect") || message.contains("reset")) {
            return DeepOutcome.CLOSED;
        }
        return DeepOutcome.PROTOCOL_ERROR;
    }

    private static Throwable root(Throwable t) {
        Throwable root = t;
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    static HostCertificate certificate(OpenSshCertificate cert, boolean signatureVerified) {
        return new HostCertificate(cert.getType().name().toLowerCase(Locale.ROOT), cert.getId(), cert.getSerial(),
                cert.getPrincipals() == null ? java.util.List.of() : java.util.List.copyOf(cert.getPrincipals()),
                CertTime.of(cert.getValidAfter()), CertTime.of(cert.getValidBefore()),
                cert.getCriticalOptionsMap(), cert.getExtensionsMap(), KeyFacts.of(cert.getCaPubKey()),
                signatureVerified);
    }
}
