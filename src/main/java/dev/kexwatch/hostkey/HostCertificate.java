package dev.kexwatch.hostkey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An OpenSSH host certificate's fields (PROTOCOL.certkeys), as {@code ssh-keygen -L} lists them.
 *
 * @param validAfter {@link Instant#EPOCH} when the certificate is valid from the beginning of time
 * @param validBefore {@link Instant#MAX} when it never expires (OpenSSH's "forever")
 * @param signatureVerified whether the CA's signature over the certificate body verifies with {@code ca}
 */
public record HostCertificate(String certType, String keyId, long serial, List<String> principals,
        Instant validAfter, Instant validBefore, Map<String, String> criticalOptions,
        Map<String, String> extensions, KeyInfo ca, boolean signatureVerified) {

    public HostCertificate {
        principals = List.copyOf(principals);
        criticalOptions = Map.copyOf(criticalOptions);
        extensions = Map.copyOf(extensions);
    }

    /** Whether it is expired at {@code now} or expires before {@code now + days}. */
    public boolean expiresWithin(Instant now, int days) {
        return !validBefore.equals(Instant.MAX) && validBefore.isBefore(now.plusSeconds(days * 86_400L));
    }
}
