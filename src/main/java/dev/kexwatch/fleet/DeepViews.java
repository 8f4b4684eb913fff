package dev.kexwatch.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kexwatch.hostkey.DeepOutcome;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.hostkey.GexGroup;
import dev.kexwatch.hostkey.HostCertificate;
import dev.kexwatch.hostkey.HostKey;
import dev.kexwatch.hostkey.KeyInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The deep handshake as the REST host report and the stored certificate column spell it: the field names of the
 * CLI's {@code --json} ({@code hostKeys}, {@code gex}, issue 12's interface), and the way back to a
 * {@link DeepResult} for the policy engine.
 */
public final class DeepViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeepViews() {
    }

    /** One {@code hostKeys} entry; {@code type}, {@code bits} and {@code fingerprint} null when no key was read. */
    public record HostKeyView(String algorithm, String type, Integer bits, String fingerprint,
            boolean signatureVerified, Certificate certificate, String outcome, String detail) {
    }

    /** A key as {@code ssh-keygen -l} describes it. */
    public record Key(String type, int bits, String fingerprint) {
    }

    /**
     * A host certificate; {@code serial} unsigned in decimal, times ISO-8601 UTC or {@code forever}. Option maps
     * sorted, so equal certificates are equal text (the digest of a deep result depends on it).
     * {@code signatureVerified}: whether the CA's signature over the certificate verifies.
     */
    public record Certificate(String type, String keyId, String serial, List<String> principals, String validAfter,
            String validBefore, Map<String, String> criticalOptions, Map<String, String> extensions, Key ca,
            boolean signatureVerified) {
    }

    /** One {@code gex} entry; {@code bits} null when the server returned no group. */
    public record GexView(int min, int preferred, int max, Integer bits, String algorithm, String outcome) {
    }

    public static List<HostKeyView> hostKeys(DeepResult deep) {
        return deep.hostKeys().stream().map(DeepViews::hostKey).toList();
    }

    public static List<GexView> gex(DeepResult deep) {
        return deep.gex().stream().map(g -> new GexView(g.min(), g.preferred(), g.max(), g.bits().orElse(null),
                deep.gexAlgorithm(), g.outcome().name())).toList();
    }

    static HostKeyView hostKey(HostKey key) {
        Optional<KeyInfo> info = key.key();
        return new HostKeyView(key.algorithm(), info.map(KeyInfo::type).orElse(null),
                info.map(KeyInfo::bits).orElse(null), info.map(KeyInfo::fingerprint).orElse(null),
                key.signatureVerified(), key.certificate().map(DeepViews::certificate).orElse(null),
                key.outcome().name(), key.detail());
    }

    static Certificate certificate(HostCertificate cert) {
        return new Certificate(cert.certType(), cert.keyId(), Long.toUnsignedString(cert.serial()),
                cert.principals(), time(cert.validAfter()), time(cert.validBefore()),
                new TreeMap<>(cert.criticalOptions()), new TreeMap<>(cert.extensions()),
                new Key(cert.ca().type(), cert.ca().bits(), cert.ca().fingerprint()), cert.signatureVerified());
    }

    static HostCertificate certificate(Certificate cert) {
        return new HostCertificate(cert.type(), cert.keyId(), Long.parseUnsignedLong(cert.serial()),
                cert.principals(), instant(cert.validAfter()), instant(cert.validBefore()), cert.criticalOptions(),
                cert.extensions(), new KeyInfo(cert.ca().type(), cert.ca().bits(), cert.ca().fingerprint()),
                cert.signatureVerified());
    }

    static HostKey hostKey(DeepHostKeyRow row) {
        Optional<KeyInfo> key = Optional.ofNullable(row.fingerprint)
                .map(f -> new KeyInfo(row.keyType, row.bits, f));
        return new HostKey(row.algorithm, key, row.signatureVerified,
                Optional.ofNullable(row.certificate).map(DeepViews::certificate), DeepOutcome.valueOf(row.outcome),
                row.detail);
    }

    static GexGroup group(DeepGexRow row) {
        return new GexGroup(row.minBits, row.preferredBits, row.maxBits, Optional.ofNullable(row.bits),
                DeepOutcome.valueOf(row.outcome));
    }

    /** A certificate as the {@code certificate} column holds it (JSON written from {@link Certificate}). */
    static Certificate parseCertificate(String json) {
        try {
            return JSON.readValue(json, Certificate.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the certificate column holds only what this class wrote", e);
        }
    }

    /** ISO-8601 UTC; "forever" for OpenSSH's infinite validity, as the CLI writes it. */
    static String time(Instant instant) {
        return instant.equals(Instant.MAX) ? "forever" : instant.toString();
    }

    static Instant instant(String time) {
        return time.equals("forever") ? Instant.MAX : Instant.parse(time);
    }
}
