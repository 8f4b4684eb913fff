package dev.kexwatch.hostkey;

import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.OpenSshCertificate;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;

/**
 * Whether a host certificate's signature by its CA key verifies over the certificate body (OpenSSH
 * PROTOCOL.certkeys: "signature is computed over all preceding fields"), as MINA's own client checks it, but
 * recorded instead of ending the exchange: a forged certificate is a finding, not a lost result.
 */
final class CaSignature {

    private CaSignature() {
    }

    static boolean verifies(SessionContext session, OpenSshCertificate cert) {
        PublicKey ca = cert.getCaPubKey();
        String algorithm = cert.getSignatureAlgorithm();
        BuiltinSignatures builtin = BuiltinSignatures.fromFactoryName(algorithm);
        // a signature algorithm of another key type than the CA's (ssh-rsa sig from an ECDSA CA) never verifies
        if (ca == null || builtin == null || !builtin.isSupported()
                || !KeyUtils.getKeyType(ca).equals(KeyUtils.getCanonicalKeyType(algorithm))) {
            return false;
        }
        try {
            Signature verifier = builtin.create();
            verifier.initVerifier(session, ca);
            verifier.update(session, cert.getMessage());
            return verifier.verify(session, cert.getSignature());
        } catch (Exception malformed) {
            return false; // a signature blob that does not parse does not verify either
        }
    }
}
