package dev.kexwatch.policy;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.hostkey.DeepOutcome;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.hostkey.GexGroup;
import dev.kexwatch.hostkey.HostCertificate;
import dev.kexwatch.hostkey.KeyInfo;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges the deep handshake (host keys, certificates, group sizes) against the deep checks of one rule. */
final class DeepJudge {

    private DeepJudge() {
    }

    static List<Finding> findings(Policy policy, Rule rule, DeepResult deep, LocalDate today) {
        if (!(rule.check() instanceof Check.Deep check)) {
            return List.of();
        }
        List<String> names = switch (check.deepKind()) {
            case MIN_KEY_BITS -> deep.hostKeys().stream().filter(k -> k.key().filter(key ->
                    key.type().equals(check.keyType()) && key.bits() < check.value()).isPresent())
                    .map(k -> describe(k.algorithm(), k.key().orElseThrow())).toList();
            case MIN_GROUP_BITS -> deep.gex().stream().filter(g -> g.bits().filter(b -> b < check.value()).isPresent())
                    .map(DeepJudge::describe).distinct().toList();
            case CERT_CA_MIN_BITS -> certificates(deep).stream().filter(c -> weakCa(c.ca(), check.value()))
                    .map(c -> describe("CA of " + c.keyId(), c.ca())).toList();
            case CERT_EXPIRES_WITHIN_DAYS -> certificates(deep).stream().filter(c -> c.expiresWithin(
                    today.atStartOfDay().toInstant(ZoneOffset.UTC), check.value()))
                    .map(c -> "certificate '" + c.keyId() + "' valid before " + c.validBefore()).toList();
            case HOST_KEY_SIGNATURES -> unverified(deep);
        };
        if (names.isEmpty()) {
            return List.of();
        }
        Category category = check.deepKind() == Check.DeepKind.MIN_GROUP_BITS ? Category.KEX : Category.HOST_KEY;
        return List.of(new Finding(policy.id(), rule.id(), rule.severity(), category, Optional.empty(), names,
                names, rule.rationale(), rule.source(), rule.remediation().map(r -> "# " + r).orElse("")));
    }

    /** Exchange hashes a key did not sign (RFC 4253 §8) and certificates their CA did not sign (PROTOCOL.certkeys). */
    private static List<String> unverified(DeepResult deep) {
        List<String> names = new ArrayList<>();
        deep.hostKeys().stream().filter(k -> k.outcome() == DeepOutcome.BAD_SIGNATURE).forEach(k -> names.add(
                k.key().map(key -> describe(k.algorithm(), key)).orElse(k.algorithm())
                        + ": exchange-hash signature does not verify"));
        certificates(deep).stream().filter(c -> !c.signatureVerified()).forEach(c -> names.add("certificate '"
                + c.keyId() + "': CA signature does not verify with " + c.ca().type() + " " + c.ca().fingerprint()));
        return names;
    }

    private static List<HostCertificate> certificates(DeepResult deep) {
        return deep.hostKeys().stream().flatMap(k -> k.certificate().stream()).toList();
    }

    /** DSA CAs are weak at any size (1024-bit p, SHA-1); RSA ones below the floor. */
    private static boolean weakCa(KeyInfo ca, int minBits) {
        return ca.type().equals("ssh-dss") || ca.type().equals("ssh-rsa") && ca.bits() < minBits;
    }

    private static String describe(String algorithm, KeyInfo key) {
        return algorithm + " " + key.bits() + "-bit " + key.type() + " " + key.fingerprint();
    }

    private static String describe(GexGroup group) {
        return group.bits().orElseThrow() + "-bit group";
    }

}
