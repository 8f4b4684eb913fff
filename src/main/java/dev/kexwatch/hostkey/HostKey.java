package dev.kexwatch.hostkey;

import java.util.Optional;

/**
 * What one key exchange asking for one host-key algorithm found (issue 12's {@code hostKeys} entries).
 *
 * @param algorithm the host-key algorithm asked for, e.g. {@code rsa-sha2-512}
 * @param key the plain key the server signed with; empty when the exchange ended before it was read
 * @param signatureVerified whether the exchange-hash signature verified with that key
 * @param certificate the host certificate, for {@code *-cert-v01@openssh.com} algorithms
 * @param outcome how the exchange ended; {@code detail} says it in words, with the server's own text made safe
 */
public record HostKey(String algorithm, Optional<KeyInfo> key, boolean signatureVerified,
        Optional<HostCertificate> certificate, DeepOutcome outcome, String detail) {

    public static HostKey failed(String algorithm, DeepOutcome outcome, String detail) {
        return new HostKey(algorithm, Optional.empty(), false, Optional.empty(), outcome, detail);
    }
}
