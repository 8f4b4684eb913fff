package dev.kexwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.policy.Rule;
import dev.kexwatch.policy.Severity;
import dev.kexwatch.probe.ProbeResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --format sarif}: a SARIF 2.1.0 log (OASIS) that code-scanning UIs read. One result per finding; the
 * policy's rules as the driver's rules (severity as level, rationale, source as help and, where it names one,
 * help URI); the host as the artifact location ({@code ssh://host:port}). Targets that could not be probed
 * are tool notifications, since they have no finding to show. Login methods: {@link AuthSarif}.
 */
final class SarifFormat {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final ObjectMapper MAPPER = SafeJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern URL = Pattern.compile("https?://[^\\s;,)]+");
    private static final Pattern RFC = Pattern.compile("RFC (\\d{3,5})(?: §(\\d+(?:\\.\\d+)*))?");

    private SarifFormat() {
    }

    static void print(PrintWriter out, ScanResults results) {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ObjectNode log = MAPPER.createObjectNode();
        ObjectNode run = startRun(log, results.reports().stream().map(TargetReport::result).toList());
        ArrayNode rules = rules(results, ruleIndex);
        ((ObjectNode) run.get("tool").get("driver")).set("rules", rules);
        ArrayNode list = run.putArray("results");
        results.reports().forEach(report -> report.evaluation().ifPresent(e -> e.findings().forEach(f ->
                list.add(result(report.result(), f, ruleIndex)))));
        AuthSarif.add(run, rules, ruleIndex, list, results.reports());
        out.println(SafeJson.write(MAPPER, log));
    }

    /**
     * Fills {@code log} with one run of kexwatch and returns the run: its driver (the caller adds the rules) and
     * an invocation whose notifications are the targets that could not be probed. The caller adds the results.
     */
    static ObjectNode startRun(ObjectNode log, List<ProbeResult> probed) {
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "kexwatch");
        driver.put("version", BuildVersion.number());
        run.putArray("invocations").add(invocation(probed));
        return run;
    }

    /** The policy's rules, then any rule a finding names that the policy does not (built-in checks). */
    private static ArrayNode rules(ScanResults results, Map<String, Integer> index) {
        ArrayNode rules = MAPPER.createArrayNode();
        for (Rule rule : results.policy().rules()) {
            index.put(rule.id(), rules.size());
            rules.add(rule(rule.id(), rule.severity(), rule.rationale(), rule.source()));
        }
        results.reports().stream().flatMap(r -> r.evaluation().stream()).flatMap(e -> e.findings().stream())
                .filter(f -> !index.containsKey(f.ruleId())).forEach(f -> {
                    index.put(f.ruleId(), rules.size());
                    rules.add(rule(f.ruleId(), f.severity(), f.rationale(), f.source()));
                });
        return rules;
    }

    static ObjectNode rule(String id, Severity severity, String rationale, String source) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("id", id);
        node.putObject("shortDescription").put("text", firstSentence(rationale));
        node.putObject("fullDescription").put("text", rationale);
        node.putObject("help").put("text", rationale + (source.isBlank() ? "" : " Source: " + source));
        helpUri(source).ifPresent(uri -> node.put("helpUri", uri));
        node.putObject("defaultConfiguration").put("level", level(severity));
        ObjectNode properties = node.putObject("properties");
        properties.put("severity", severity.id());
        properties.put("source", source);
        // GitHub code scanning ranks security results by this CVSS-like score.
        properties.put("security-severity", securityScore(severity));
        properties.putArray("tags").add("security").add("ssh");
        return node;
    }

    private static ObjectNode result(ProbeResult probe, Finding finding, Map<String, Integer> ruleIndex) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ruleId", finding.ruleId());
        node.put("ruleIndex", ruleIndex.get(finding.ruleId()));
        node.put("level", level(finding.severity()));
        String where = finding.category().id() + finding.direction().map(d -> " " + d.id()).orElse("");
        node.putObject("message").put("text", probe.target() + " offers " + String.join(", ", finding.names()) + " ("
                + where + "): " + finding.rationale());
        node.putArray("locations").add(location(probe));
        node.putObject("partialFingerprints").put("kexwatch/v1", probe.target() + "|" + finding.ruleId() + "|"
                + finding.direction().map(d -> d.id()).orElse(""));
        ObjectNode properties = node.putObject("properties");
        properties.put("severity", finding.severity().id());
        properties.put("category", finding.category().id());
        finding.direction().ifPresent(d -> properties.put("direction", d.id()));
        ArrayNode names = properties.putArray("names");
        finding.names().forEach(names::add);
        properties.put("policy", finding.policyId());
        return node;
    }

    static ObjectNode location(ProbeResult probe) {
        ObjectNode location = MAPPER.createObjectNode();
        location.putObject("physicalLocation").putObject("artifactLocation").put("uri", "ssh://" + probe.target());
        return location;
    }

    private static ObjectNode invocation(List<ProbeResult> probed) {
        ObjectNode invocation = MAPPER.createObjectNode();
        invocation.put("executionSuccessful", true);
        List<ObjectNode> notes = new ArrayList<>();
        for (ProbeResult probe : probed) {
            if (!probe.ok()) {
                ObjectNode note = MAPPER.createObjectNode();
                note.put("level", "error");
                note.putObject("message").put("text", probe.target() + ": " + probe.outcome().message() + ": "
                        + probe.detail());
                note.putArray("locations").add(location(probe));
                notes.add(note);
            }
        }
        invocation.putArray("toolExecutionNotifications").addAll(notes);
        return invocation;
    }

    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM, LOW -> "warning";
            case INFO -> "note";
        };
    }

    private static String securityScore(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "3.0";
            case INFO -> "0.0";
        };
    }

    /** A URL in the source, else the first RFC it cites (with its section), else none. */
    static Optional<String> helpUri(String source) {
        Matcher url = URL.matcher(source);
        if (url.find()) {
            return Optional.of(url.group());
        }
        Matcher rfc = RFC.matcher(source);
        if (rfc.find()) {
            return Optional.of("https://www.rfc-editor.org/rfc/rfc" + rfc.group(1)
                    + (rfc.group(2) == null ? "" : "#section-" + rfc.group(2)));
        }
        return Optional.empty();
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
