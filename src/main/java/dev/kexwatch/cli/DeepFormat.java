package dev.kexwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.hostkey.GexGroup;
import dev.kexwatch.hostkey.HostCertificate;
import dev.kexwatch.hostkey.HostKey;
import dev.kexwatch.hostkey.KeyInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The deep handshake in {@code --json} ({@code hostKeys}, {@code gex}, named as issue 12's interface) and as
 * table rows. Certificate texts (key id, principals, options) come from the server: escaped like all else.
 */
final class DeepFormat {

    private DeepFormat() {
    }

    static void json(ObjectMapper mapper, ObjectNode node, DeepResult deep) {
        ArrayNode keys = node.putArray("hostKeys");
        deep.hostKeys().forEach(key -> keys.add(hostKey(mapper, key)));
        ArrayNode groups = node.putArray("gex");
        deep.gex().forEach(group -> groups.add(group(mapper, group, deep.gexAlgorithm())));
    }

    private static ObjectNode hostKey(ObjectMapper mapper, HostKey key) {
        ObjectNode node = mapper.createObjectNode();
        node.put("algorithm", key.algorithm());
        node.put("type", key.key().map(KeyInfo::type).orElse(null));
        if (key.key().isPresent()) {
            node.put("bits", key.key().get().bits());
        } else {
            node.putNull("bits");
        }
        node.put("fingerprint", key.key().map(KeyInfo::fingerprint).orElse(null));
        node.put("signatureVerified", key.signatureVerified());
        node.set("certificate", key.certificate().map(c -> certificate(mapper, c)).orElse(null));
        node.put("outcome", key.outcome().name());
        node.put("detail", key.detail());
        return node;
    }

    private static ObjectNode certificate(ObjectMapper mapper, HostCertificate cert) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", cert.certType());
        node.put("keyId", cert.keyId());
        node.put("serial", Long.toUnsignedString(cert.serial()));
        ArrayNode principals = node.putArray("principals");
        cert.principals().forEach(principals::add);
        node.put("validAfter", time(cert.validAfter()));
        node.put("validBefore", time(cert.validBefore()));
        ObjectNode critical = node.putObject("criticalOptions");
        cert.criticalOptions().forEach(critical::put);
        ObjectNode extensions = node.putObject("extensions");
        cert.extensions().forEach(extensions::put);
        ObjectNode ca = node.putObject("ca");
        ca.put("type", cert.ca().type());
        ca.put("bits", cert.ca().bits());
        ca.put("fingerprint", cert.ca().fingerprint());
        node.put("signatureVerified", cert.signatureVerified());
        return node;
    }

    /** ISO-8601 UTC; "forever" for OpenSSH's infinite validity. */
    private static String time(Instant instant) {
        return instant.equals(Instant.MAX) ? "forever" : instant.toString();
    }

    private static ObjectNode group(ObjectMapper mapper, GexGroup group, String algorithm) {
        ObjectNode node = mapper.createObjectNode();
        node.put("min", group.min());
        node.put("preferred", group.preferred());
        node.put("max", group.max());
        if (group.bits().isPresent()) {
            node.put("bits", group.bits().get());
        } else {
            node.putNull("bits");
        }
        node.put("algorithm", algorithm);
        node.put("outcome", group.outcome().name());
        return node;
    }

    /** Table rows: one per host key, one for the group sizes. */
    static List<String[]> rows(DeepResult deep) {
        List<String[]> rows = new ArrayList<>();
        for (HostKey key : deep.hostKeys()) {
            String text = key.key().map(k -> k.bits() + "-bit " + k.type() + " " + k.fingerprint()
                    + (key.signatureVerified() ? "" : " (signature NOT verified)")).orElse("-");
            if (key.outcome() != dev.kexwatch.hostkey.DeepOutcome.OK) {
                text += " [" + key.outcome().name() + ": " + key.detail() + "]";
            }
            rows.add(new String[] {"host key", key.algorithm() + ": " + text});
            key.certificate().ifPresent(c -> rows.add(new String[] {"certificate", "'" + c.keyId() + "' serial "
                    + Long.toUnsignedString(c.serial()) + ", principals " + String.join(",", c.principals())
                    + ", valid " + time(c.validAfter()) + " to " + time(c.validBefore()) + ", CA " + c.ca().bits()
                    + "-bit " + c.ca().type() + " " + c.ca().fingerprint()
                    + (c.signatureVerified() ? "" : " (CA signature NOT verified)")}));
        }
        if (!deep.gex().isEmpty()) {
            StringBuilder sizes = new StringBuilder(deep.gexAlgorithm()).append(":");
            deep.gex().forEach(g -> sizes.append(" ").append(g.min()).append("/").append(g.preferred()).append("/")
                    .append(g.max()).append("->").append(g.bits().map(String::valueOf).orElse(
                            g.outcome().name())));
            rows.add(new String[] {"group sizes", sizes.toString()});
        }
        return rows;
    }
}
