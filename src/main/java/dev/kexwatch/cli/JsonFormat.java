package dev.kexwatch.cli;

import dev.kexwatch.auth.AuthMethods;
import dev.kexwatch.auth.AuthResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.policy.BoundedMemo;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.policy.HostRemediation;
import dev.kexwatch.probe.Identification;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeTimings;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** {@code --json}: one object per target on one line (JSON Lines), fields named as in the README. */
final class JsonFormat {

    private static final ObjectMapper MAPPER = SafeJson.mapper();

    /**
     * Most of a line (lists, identification, the policy's findings and remediation) is the same for every host of one
     * configuration: serialised once per distinct value, spliced in as raw JSON (already escaped by the same mapper).
     */
    private static final BoundedMemo<Object, RawValue> FRAGMENTS = new BoundedMemo<>(4096);

    private record PolicyKey(Evaluation evaluation, Optional<HostRemediation> remediation) {
    }

    private JsonFormat() {
    }

    /** Makes the mapper ahead of the first line (class initialisation); returns whether it is there. */
    static boolean ready() {
        return MAPPER != null;
    }

    private static RawValue fragment(Object value, Supplier<JsonNode> tree) {
        return FRAGMENTS.get(value, same -> new RawValue(SafeJson.write(MAPPER, tree.get())));
    }

    static String line(TargetReport report) {
        ProbeResult result = report.result();
        ObjectNode node = MAPPER.createObjectNode();
        node.put("target", result.target().toString());
        node.put("host", result.target().host());
        node.put("port", result.target().port());
        result.resolvedAddress().ifPresent(address -> node.put("address", address));
        node.put("outcome", result.outcome().name());
        node.put("message", result.outcome().message());
        node.put("detail", result.detail());
        node.put("exitCode", report.exitCode());
        result.identification().ifPresent(id -> node.putRawValue("identification",
                fragment(id, () -> identification(id))));
        result.offer().ifPresent(offer -> node.putRawValue("lists", fragment(offer, () -> lists(offer))));
        node.set("timingsMs", timings(result.timings()));
        report.deep().ifPresent(deep -> DeepFormat.json(MAPPER, node, deep));
        report.evaluation().ifPresent(evaluation -> node.putRawValue("policy", fragment(
                new PolicyKey(evaluation, report.remediation()), () -> policy(evaluation, report.remediation()))));
        node.set("authMethods", report.auth().flatMap(AuthResult::methods).map(JsonFormat::authMethods)
                .orElse(null)); // null when not probed, or when the probe got no answer (then authMethodsError)
        report.auth().flatMap(AuthResult::error).ifPresent(error -> node.put("authMethodsError", error));
        if (report.auth().isPresent()) {
            ArrayNode findings = node.putArray("authFindings");
            report.authFindings().forEach(f -> {
                ObjectNode finding = findings.addObject();
                finding.put("policy", f.policyId());
                finding.put("rule", f.ruleId());
                finding.put("severity", f.severity().id());
                f.methods().forEach(finding.putArray("methods")::add);
                finding.put("rationale", f.rationale());
                finding.put("source", f.source());
            });
        }
        return SafeJson.write(MAPPER, node);
    }

    private static ObjectNode authMethods(AuthMethods methods) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("user", methods.user());
        ArrayNode names = node.putArray("methods");
        methods.methods().forEach(names::add);
        node.put("noneAccepted", methods.noneAccepted());
        return node;
    }

    static ObjectNode identification(Identification id) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("line", id.line());
        node.put("protocol", id.protocolVersion());
        node.put("software", id.softwareVersion());
        node.put("comment", id.comment());
        ArrayNode before = node.putArray("preIdentificationLines");
        id.preIdentificationLines().forEach(before::add);
        node.put("droppedPreIdentificationLines", id.droppedPreIdentificationLines());
        return node;
    }

    static ObjectNode lists(ServerOffer offer) {
        ObjectNode node = MAPPER.createObjectNode();
        for (KexList list : KexList.values()) {
            ArrayNode names = node.putArray(list.key());
            offer.get(list).forEach(names::add);
        }
        return node;
    }

    private static ObjectNode timings(ProbeTimings timings) {
        ObjectNode node = MAPPER.createObjectNode();
        putMillis(node, "connect", timings.connect());
        putMillis(node, "identification", timings.identification());
        putMillis(node, "kexinit", timings.kexinit());
        putMillis(node, "total", Optional.of(timings.total()));
        return node;
    }

    private static void putMillis(ObjectNode node, String field, Optional<Duration> value) {
        value.ifPresent(d -> node.put(field, d.toNanos() / 1_000_000.0));
    }

    static ObjectNode policy(Evaluation evaluation, Optional<HostRemediation> remediation) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", evaluation.policyId());
        node.put("version", evaluation.policyVersion());
        node.put("compliant", evaluation.compliant());
        evaluation.worst().ifPresent(worst -> node.put("worst", worst.id()));
        ArrayNode findings = node.putArray("findings");
        evaluation.findings().forEach(finding -> findings.add(finding(finding)));
        ArrayNode unknown = node.putArray("unknownNames");
        evaluation.unknownNames().forEach(unknown::add);
        remediation.ifPresent(r -> node.set("remediation", remediation(r)));
        return node;
    }

    /** {@code {"server", "sshdConfig" (null unless OpenSSH and something to change), "advice"}}. */
    private static ObjectNode remediation(HostRemediation remediation) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("server", remediation.server().id());
        node.put("sshdConfig", remediation.sshdConfig().orElse(null));
        node.put("advice", remediation.advice());
        return node;
    }

    private static ObjectNode finding(Finding finding) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("rule", finding.ruleId());
        node.put("severity", finding.severity().id());
        node.put("category", finding.category().id());
        finding.direction().ifPresent(direction -> node.put("direction", direction.id()));
        ArrayNode names = node.putArray("names");
        finding.names().forEach(names::add);
        node.put("rationale", finding.rationale());
        return node;
    }
}
