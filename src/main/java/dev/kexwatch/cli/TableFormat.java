package dev.kexwatch.cli;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.auth.AuthResult;
import dev.kexwatch.policy.AuthMethodsJudge.AuthFinding;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.policy.HostRemediation;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.Severity;
import dev.kexwatch.probe.ProbeResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The default output: a block per target (outcome, identification, each list, findings), then a summary. */
final class TableFormat {

    private static final int WIDTH = 100;
    private static final int LABEL = 16;
    private static final Pattern AFTER_COMMAS = Pattern.compile("(?<=, )");
    private static final Pattern AT_SPACES = Pattern.compile("(?<= )");

    private TableFormat() {
    }

    static void print(PrintWriter out, ScanResults results) {
        List<TargetReport> reports = results.reports();
        Policy policy = results.policy();
        Colour colour = new Colour(results.colour());
        reports.forEach(report -> target(out, report, colour));
        long ok = reports.stream().filter(r -> r.result().ok()).count();
        long compliant = reports.stream().filter(r -> r.evaluation().map(Evaluation::compliant).orElse(false)).count();
        out.printf("%d target(s): %d probed, %d failed; policy %s %s: %d compliant, %d with findings%n",
                reports.size(), ok, reports.size() - ok, Text.safe(policy.id()), Text.safe(policy.version()), compliant,
                ok - compliant);
    }

    private static void target(PrintWriter out, TargetReport report, Colour colour) {
        ProbeResult result = report.result();
        String outcome = result.ok() ? colour.good(result.outcome().name()) : colour.bad(result.outcome().name());
        out.printf("%s  %s  (%d ms)%n", Text.safe(result.target().toString()), outcome,
                result.timings().total().toMillis());
        if (!result.ok()) {
            row(out, "outcome", result.outcome().message() + ": " + result.detail());
        }
        result.resolvedAddress().ifPresent(address -> row(out, "address", address));
        result.identification().ifPresent(id -> {
            row(out, "identification", id.line());
            if (!id.preIdentificationLines().isEmpty()) {
                row(out, "banner lines", id.preIdentificationLines().size() + id.droppedPreIdentificationLines()
                        + " before the identification");
            }
        });
        result.offer().ifPresent(offer -> lists(out, offer));
        report.deep().ifPresent(deep -> DeepFormat.rows(deep).forEach(r -> row(out, r[0], r[1])));
        report.evaluation().ifPresent(evaluation -> findings(out, evaluation, colour));
        report.auth().ifPresent(auth -> loginMethods(out, auth, report.authFindings(), colour));
        report.remediation().filter(fix -> report.evaluation().filter(Evaluation::compliant).isEmpty())
                .ifPresent(fix -> remediation(out, fix));
        out.println();
    }

    /** The host's one fix: advice a row a line; the drop-in verbatim (never wrapped) so it can be copied whole. */
    private static void remediation(PrintWriter out, HostRemediation fix) {
        List<String> advice = fix.advice().lines().toList();
        for (int i = 0; i < advice.size(); i++) {
            row(out, i == 0 ? "fix" : "", advice.get(i), AT_SPACES);
        }
        fix.sshdConfig().ifPresent(dropIn -> {
            row(out, "drop-in", HostRemediation.DROP_IN + ":");
            dropIn.lines().forEach(line -> out.println(" ".repeat(LABEL + 4) + Text.safe(line)));
        });
    }

    /** Directional lists print once when both directions agree, as they nearly always do. */
    private static void lists(PrintWriter out, ServerOffer offer) {
        for (KexList list : KexList.values()) {
            if (list.direction().isEmpty()) {
                row(out, list.category().id(), names(offer.get(list)));
            } else if (list.ordinal() % 2 == 0) {
                KexList s2c = KexList.values()[list.ordinal() + 1];
                if (offer.get(list).equals(offer.get(s2c))) {
                    row(out, list.category().id(), names(offer.get(list)));
                } else {
                    row(out, list.category().id() + " c2s", names(offer.get(list)));
                    row(out, list.category().id() + " s2c", names(offer.get(s2c)));
                }
            }
        }
    }

    private static void findings(PrintWriter out, Evaluation evaluation, Colour colour) {
        String verdict = evaluation.compliant() ? "compliant" : evaluation.findings().size() + " finding(s), worst "
                + evaluation.worst().map(s -> s.id()).orElse("");
        row(out, "policy", evaluation.policyId() + " " + evaluation.policyVersion() + ": " + verdict);
        for (Finding finding : evaluation.findings()) {
            String where = finding.category().id() + finding.direction().map(d -> " " + d.id()).orElse("");
            row(out, severityLabel(finding.severity(), colour), finding.ruleId() + " (" + where + "): "
                    + String.join(", ", finding.names()));
        }
        if (!evaluation.unknownNames().isEmpty()) {
            row(out, "  unknown", String.join(", ", evaluation.unknownNames()));
        }
    }

    /** {@code scan --auth-methods}: the server's answer, then the findings on it. */
    private static void loginMethods(PrintWriter out, AuthResult auth, List<AuthFinding> findings, Colour colour) {
        auth.error().ifPresent(error -> row(out, "login methods", "no answer: " + error));
        auth.methods().ifPresent(m -> row(out, "login methods", (m.noneAccepted() ? "none accepted"
                : names(m.methods())) + " (user " + m.user() + ")"));
        for (AuthFinding finding : findings) {
            row(out, severityLabel(finding.severity(), colour), finding.ruleId() + " (login): "
                    + String.join(", ", finding.methods()));
        }
    }

    /** The label is padded before it is coloured, so the escape codes do not shift the columns. */
    private static String severityLabel(Severity severity, Colour colour) {
        String name = severity.id().toUpperCase(Locale.ROOT);
        return String.format("  %-" + (LABEL - 2) + "s", name).replace(name, colour.severity(severity));
    }

    private static String names(List<String> names) {
        return names.isEmpty() ? "(empty)" : String.join(", ", names);
    }

    /**
     * A labelled row, wrapped at {@link #WIDTH} columns after commas, continuation lines indented. The value is
     * escaped here, once for every row, since most of it comes from the server.
     */
    private static void row(PrintWriter out, String label, String value) {
        row(out, label, value, AFTER_COMMAS);
    }

    /** As {@link #row(PrintWriter, String, String)}, wrapped where {@code breaks} allows (lists: after commas). */
    private static void row(PrintWriter out, String label, String value, Pattern breaks) {
        String indent = " ".repeat(LABEL + 2);
        StringBuilder line = new StringBuilder(String.format("  %-" + LABEL + "s", label));
        for (String word : breaks.split(Text.safe(value))) {
            if (line.length() + word.length() > WIDTH && line.length() > indent.length()) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder(indent);
            }
            line.append(word);
        }
        out.println(line.toString().stripTrailing());
    }
}
