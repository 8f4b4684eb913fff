package dev.kexwatch.policy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/** Turns a composed YAML document into a {@link Policy}, collecting every problem on the way. */
final class PolicyParser {

    private static final Set<String> TOP = new LinkedHashSet<>(
            List.of("id", "version", "title", "description", "changelog", "selector", "rules", "waivers"));
    private static final Set<String> CHANGE = new LinkedHashSet<>(List.of("version", "date", "changes"));
    private static final Set<String> SELECTOR = Set.of("labels");
    private static final Set<String> WAIVER =
            new LinkedHashSet<>(List.of("id", "rule", "host", "labels", "reason", "expires"));
    /** At most 100 characters: the id names the policy's file (255 bytes at most on most file systems). */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final String file;
    private final Problems problems;
    private final RuleParser rules;

    PolicyParser(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
        this.rules = new RuleParser(problems);
    }

    Optional<Policy> parse(Node root) {
        YamlFields fields = new YamlFields(root, "policy", TOP, problems);
        Optional<String> id = fields.text("id", true);
        id.filter(i -> !ID.matcher(i).matches()).ifPresent(i -> problems.at(fields.value("id").orElseThrow(),
                "bad policy id '" + i + "': use at most 100 lower-case letters, digits, '.', '_' and '-'"));
        Optional<String> version = fields.text("version", true);
        Optional<String> title = fields.text("title", true);
        fields.text("description", false);
        List<ChangelogEntry> changelog = fields.items("changelog").stream().map(this::change).flatMap(Optional::stream)
                .toList();
        Selector selector = fields.value("selector")
                .map(n -> new Selector(new YamlFields(n, "selector", SELECTOR, problems).labels("labels")))
                .orElse(Selector.ALL);
        List<Rule> ruleList = ruleList(fields);
        List<Waiver> waivers = waivers(fields, ruleList);
        if (!problems.isEmpty() || id.isEmpty() || version.isEmpty() || title.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Policy(id.get(), version.get(), title.get(), changelog, selector, ruleList, waivers,
                file));
    }

    private List<Rule> ruleList(YamlFields fields) {
        if (!fields.has("rules")) {
            problems.at(fields.node(), "policy is missing 'rules'");
        }
        List<Rule> list = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node node : fields.items("rules")) {
            rules.parse(node).ifPresent(rule -> {
                if (!ids.add(rule.id())) {
                    problems.at(node, "duplicate rule id '" + rule.id() + "'");
                }
                list.add(rule);
            });
        }
        return list;
    }

    private Optional<ChangelogEntry> change(Node node) {
        YamlFields fields = new YamlFields(node, "changelog entry", CHANGE, problems);
        Optional<String> version = fields.text("version", true);
        Optional<LocalDate> date = date(fields, "date", false);
        Optional<String> changes = fields.text("changes", true);
        return version.flatMap(v -> changes.map(c -> new ChangelogEntry(v, date, c)));
    }

    private List<Waiver> waivers(YamlFields fields, List<Rule> ruleList) {
        List<Waiver> waivers = new ArrayList<>();
        for (Node node : fields.items("waivers")) {
            waiver(node, ruleList).ifPresent(waivers::add);
        }
        return waivers;
    }

    private Optional<Waiver> waiver(Node node, List<Rule> ruleList) {
        YamlFields fields = new YamlFields(node, "waiver", WAIVER, problems);
        Optional<String> rule = fields.text("rule", true);
        rule.filter(r -> ruleList.stream().noneMatch(x -> x.id().equals(r))).ifPresent(r -> problems.at(
                fields.value("rule").orElseThrow(), "waiver names rule '" + r + "', which this policy does not have"
                        + Suggest.didYouMean(r, ruleList.stream().map(Rule::id).toList())));
        Optional<String> host = fields.text("host", false);
        Map<String, String> labels = fields.labels("labels");
        if (host.isEmpty() && labels.isEmpty() && !fields.has("host")) {
            problems.at(node, "a waiver needs 'host' or 'labels' to say which hosts it covers");
        }
        Optional<String> reason = fields.text("reason", true);
        Optional<LocalDate> expires = date(fields, "expires", true);
        if (rule.isEmpty() || reason.isEmpty() || expires.isEmpty()) {
            return Optional.empty();
        }
        String id = fields.text("id", false).orElse(rule.get() + "@" + host.orElse(labels.toString()));
        return Optional.of(new Waiver(id, rule.get(), host, labels, reason.get(), expires.get()));
    }

    private Optional<LocalDate> date(YamlFields fields, String key, boolean required) {
        return fields.text(key, required).flatMap(text -> {
            try {
                return Optional.of(LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                problems.at(fields.value(key).orElseThrow(), "bad date '" + text + "' for '" + key
                        + "': expected YYYY-MM-DD, a real calendar date");
                return Optional.empty();
            }
        });
    }
}
