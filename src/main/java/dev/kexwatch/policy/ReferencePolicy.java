package dev.kexwatch.policy;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Glob;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A policy that accepts exactly what a known-good server offers ("same as our golden server"): one
 * {@code allow-only} rule per list, the names in the host's order (the order remediation keeps). Cipher, MAC and
 * compression lists get one rule for both directions when the host offers the same names both ways, else one per
 * direction. Signals ({@code ext-info-s}, {@code kex-strict-s-v00@openssh.com}) are never judged, so never listed.
 * The result is YAML text for a person to review before installing; it is parsed back before it is returned.
 */
public final class ReferencePolicy {

    /** Ids as {@code policies/README.md} allows them. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final String VERSION = "1.0.0";

    /** What to call the policy and where it was taken from; {@code labels} become its selector when not empty. */
    public record Request(String id, String reference, LocalDate date, Map<String, String> labels) {

        public Request {
            labels = Map.copyOf(labels);
        }
    }

    private final AlgorithmCatalog catalog;

    public ReferencePolicy(AlgorithmCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The policy's YAML.
     *
     * @throws IllegalArgumentException for a bad id, or a name the host offers that no policy glob can hold (a
     *     wildcard or a character SSH names do not use): kexwatch refuses rather than write a policy that means
     *     something else than what the host offered
     */
    public String yaml(Request request, ServerOffer offer) {
        if (!ID.matcher(request.id()).matches()) {
            throw new IllegalArgumentException("policy id '" + request.id()
                    + "' must be lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        StringBuilder out = new StringBuilder(header(request));
        for (Category category : List.of(Category.KEX, Category.HOST_KEY, Category.CIPHER, Category.MAC,
                Category.COMPRESSION)) {
            rules(category, offer).forEach(rule -> out.append(rule.yaml(request)));
        }
        String yaml = out.toString();
        new PolicyLoader().parse(yaml, "policy from " + request.reference()); // our own output must load
        return yaml;
    }

    private static String header(Request request) {
        StringBuilder out = new StringBuilder();
        out.append("# Accepts exactly what ").append(comment(request.reference())).append(" offered on ")
                .append(request.date()).append(". Review it, then install it\n")
                .append("# (CLI: --policy FILE; service: copy into the policy directory or PUT /api/policies).\n")
                .append("id: ").append(request.id()).append('\n')
                .append("version: \"").append(VERSION).append("\"\n")
                .append("title: ").append(quoted("Same as " + request.reference())).append('\n')
                .append("changelog:\n  - version: \"").append(VERSION).append("\"\n    date: ").append(request.date())
                .append("\n    changes: ").append(quoted("Taken from " + request.reference() + " by kexwatch policy "
                        + "from-host.")).append('\n');
        if (!request.labels().isEmpty()) {
            out.append("selector:\n  labels:\n");
            request.labels().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(label -> out
                    .append("    ").append(quoted(label.getKey())).append(": ").append(quoted(label.getValue()))
                    .append('\n'));
        }
        return out.append("rules:\n").toString();
    }

    /** One rule of the policy being written. */
    private record Draft(String id, Category category, Optional<String> direction, List<String> names) {

        String yaml(Request request) {
            StringBuilder out = new StringBuilder("  - id: ").append(id).append("\n    category: ")
                    .append(category.id()).append('\n');
            direction.ifPresent(d -> out.append("    direction: ").append(d).append('\n'));
            out.append("    allow-only:\n");
            names.forEach(name -> out.append("      - ").append(quoted(name)).append('\n'));
            return out.append("    severity: medium\n")
                    .append("    rationale: Only what the reference host offers.\n")
                    .append("    source: ").append(quoted("reference host " + request.reference() + ", "
                            + request.date())).append('\n').toString();
        }
    }

    private List<Draft> rules(Category category, ServerOffer offer) {
        List<KexList> lists = List.of(KexList.values()).stream().filter(l -> l.category() == category).toList();
        String base = "same-" + category.id();
        if (lists.size() == 1) {
            return draft(base, category, Optional.empty(), names(lists.get(0), offer)).stream().toList();
        }
        List<String> c2s = names(lists.get(0), offer);
        List<String> s2c = names(lists.get(1), offer);
        if (c2s.equals(s2c)) {
            return draft(base, category, Optional.empty(), c2s).stream().toList();
        }
        List<Draft> drafts = new ArrayList<>();
        draft(base + "-c2s", category, Optional.of("c2s"), c2s).ifPresent(drafts::add);
        draft(base + "-s2c", category, Optional.of("s2c"), s2c).ifPresent(drafts::add);
        return drafts;
    }

    /** No rule for an empty list: allow-only of nothing is not a policy anyone meant. */
    private static Optional<Draft> draft(String id, Category category, Optional<String> direction, List<String> names) {
        return names.isEmpty() ? Optional.empty() : Optional.of(new Draft(id, category, direction, names));
    }

    private List<String> names(KexList list, ServerOffer offer) {
        List<String> names = offer.get(list).stream().filter(name -> !catalog.isSignal(list.category(), name))
                .distinct().toList();
        for (String name : names) {
            // names arrive escaped by the probe (ServerText), so they are safe to quote in the message
            if (name.contains("*") || name.contains("?") || Glob.parse(name).isEmpty()) {
                throw new IllegalArgumentException("the host offers " + list.rfcName() + " name '" + name
                        + "', which a policy cannot hold as a literal name");
            }
        }
        return names;
    }

    /** A YAML double-quoted scalar (JSON escapes are valid YAML); control characters are escaped, never written. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String comment(String text) {
        return text.replaceAll("[\\p{Cntrl}]", "?");
    }
}
