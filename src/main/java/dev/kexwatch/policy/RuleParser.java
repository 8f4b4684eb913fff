package dev.kexwatch.policy;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.Glob;
import dev.kexwatch.algorithm.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads one rule; every problem is reported, and a rule with problems yields nothing. */
final class RuleParser {

    static final List<String> CHECK_KEYS = List.of("forbid", "allow-only", "require-one-of", "forbid-verdict", "check",
            "forbid-auth-method", "min-key-bits", "min-group-bits", "cert-ca-min-bits", "cert-expires-within-days");
    private static final Set<String> KEYS = new LinkedHashSet<>(List.of("id", "category", "direction", "forbid",
            "allow-only", "require-one-of", "forbid-verdict", "check", "forbid-auth-method", "severity", "rationale",
            "source", "remediation", "min-key-bits", "key-type", "min-group-bits", "cert-ca-min-bits",
            "cert-expires-within-days"));
    private static final List<String> CATEGORIES =
            Scope.JUDGED.stream().map(Category::id).toList();
    private static final List<String> BUILTIN_CHECKS = List.of("terrapin", "nothing-acceptable", "ssh1-only",
            "ssh1-enabled", Check.DeepKind.HOST_KEY_SIGNATURES.id());

    private final Problems problems;

    RuleParser(Problems problems) {
        this.problems = problems;
    }

    Optional<Rule> parse(Node node) {
        int before = problems.count();
        YamlFields fields = new YamlFields(node, "rule", KEYS, problems);
        Optional<String> id = fields.text("id", true);
        Optional<Category> category = category(fields);
        Set<Direction> directions = directions(fields, category);
        Optional<Check> check = check(fields, category);
        Optional<Severity> severity = severity(fields);
        Optional<String> rationale = fields.text("rationale", true);
        Optional<String> source = fields.text("source", true);
        Optional<String> remediation = fields.text("remediation", false);
        if (problems.count() > before || id.isEmpty() || check.isEmpty() || severity.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Rule(id.get(), category, directions, check.get(), severity.get(), rationale.get(),
                source.get(), remediation));
    }

    private Optional<Category> category(YamlFields fields) {
        return fields.text("category", false).flatMap(text -> {
            Optional<Category> category = Scope.JUDGED.stream().filter(c -> c.id().equals(text)).findFirst();
            if (category.isEmpty()) {
                problems.at(fields.value("category").orElseThrow(), "unknown category '" + text + "'"
                        + Suggest.didYouMean(text, CATEGORIES) + ": use one of " + String.join(", ", CATEGORIES));
            }
            return category;
        });
    }

    private Set<Direction> directions(YamlFields fields, Optional<Category> category) {
        Optional<String> text = fields.text("direction", false);
        if (text.isEmpty()) {
            return EnumSet.allOf(Direction.class);
        }
        Node node = fields.value("direction").orElseThrow();
        if (category.filter(c -> c == Category.KEX || c == Category.HOST_KEY).isPresent()) {
            problems.at(node, "direction does not apply to category " + category.get().id()
                    + ": the kex and host key lists are the same for both directions (RFC 4253 §7.1)");
        }
        return switch (text.get()) {
            case "both" -> EnumSet.allOf(Direction.class);
            case "c2s" -> EnumSet.of(Direction.C2S);
            case "s2c" -> EnumSet.of(Direction.S2C);
            default -> {
                problems.at(node, "bad direction '" + text.get() + "': use c2s, s2c or both");
                yield EnumSet.allOf(Direction.class);
            }
        };
    }

    private Optional<Severity> severity(YamlFields fields) {
        return fields.text("severity", true).flatMap(text -> {
            Optional<Severity> severity = Severity.fromId(text);
            if (severity.isEmpty()) {
                problems.at(fields.value("severity").orElseThrow(), "bad severity '" + text + "': use one of "
                        + Arrays.stream(Severity.values()).map(Severity::id).collect(Collectors.joining(", ")));
            }
            return severity;
        });
    }

    private Optional<Check> check(YamlFields fields, Optional<Category> category) {
        List<String> present = CHECK_KEYS.stream().filter(fields::has).toList();
        if (present.size() != 1) {
            problems.at(fields.node(), "a rule needs exactly one of " + String.join(", ", CHECK_KEYS)
                    + (present.isEmpty() ? "" : "; found " + String.join(" and ", present)));
            return Optional.empty();
        }
        String kind = present.get(0);
        if (kind.equals("forbid-auth-method")) {
            return authMethods(fields, category);
        }
        if (!kind.equals("check") && category.isEmpty() && !fields.has("category")) {
            problems.at(fields.node(), "a '" + kind + "' rule needs a category (one of " + String.join(", ", CATEGORIES)
                    + ")");
        }
        return switch (kind) {
            case "forbid" -> globs(fields, kind).map(Check.Forbid::new);
            case "allow-only" -> globs(fields, kind).map(Check.AllowOnly::new);
            case "require-one-of" -> globs(fields, kind).map(Check.RequireOneOf::new);
            case "forbid-verdict" -> verdicts(fields).map(Check.ForbidVerdict::new);
            case "check" -> builtin(fields, category);
            default -> deep(fields, kind);
        };
    }

    private Optional<List<Glob>> globs(YamlFields fields, String key) {
        List<Glob> globs = new ArrayList<>();
        boolean ok = true;
        for (ScalarNode item : fields.scalars(key)) {
            Optional<Glob> glob = Glob.parse(item.getValue());
            if (glob.isEmpty()) {
                problems.at(item, Glob.problem(item.getValue()));
                ok = false;
            }
            glob.ifPresent(globs::add);
        }
        return ok && !globs.isEmpty() ? Optional.of(globs) : Optional.empty();
    }

    /** Login method names (RFC 4252 §5 and its extensions): lower-case letters, digits, '-', '@' and '.'. */
    private Optional<Check> authMethods(YamlFields fields, Optional<Category> category) {
        category.ifPresent(c -> problems.at(fields.value("category").orElseThrow(),
                "a forbid-auth-method rule judges login methods, not a KEXINIT list: remove 'category'"));
        List<String> methods = new ArrayList<>();
        for (ScalarNode item : fields.scalars("forbid-auth-method")) {
            if (!item.getValue().matches("[a-z0-9][a-z0-9@.-]*")) {
                problems.at(item, "bad login method '" + item.getValue()
                        + "': e.g. password, keyboard-interactive, publickey, hostbased, gssapi-with-mic, none");
            } else {
                methods.add(item.getValue());
            }
        }
        return methods.isEmpty() || category.isPresent() ? Optional.empty()
                : Optional.of(new Check.ForbidAuthMethod(methods));
    }

    private Optional<Set<Verdict>> verdicts(YamlFields fields) {
        Set<Verdict> verdicts = EnumSet.noneOf(Verdict.class);
        for (ScalarNode item : fields.scalars("forbid-verdict")) {
            Optional<Verdict> verdict = Verdict.fromId(item.getValue()).filter(v -> v != Verdict.OK);
            if (verdict.isEmpty()) {
                problems.at(item, "bad verdict '" + item.getValue() + "': use weak, insecure or unknown");
            }
            verdict.ifPresent(verdicts::add);
        }
        return verdicts.isEmpty() ? Optional.empty() : Optional.of(verdicts);
    }

    /** {@code min-key-bits: 2048} with {@code key-type: ssh-rsa}; the others take a number alone. */
    private Optional<Check> deep(YamlFields fields, String key) {
        Check.DeepKind kind = java.util.Arrays.stream(Check.DeepKind.values()).filter(k -> k.id().equals(key))
                .findFirst().orElseThrow();
        Node node = fields.value(key).orElseThrow();
        int value;
        try {
            value = Integer.parseInt(fields.text(key, true).orElse(""));
        } catch (NumberFormatException e) {
            problems.at(node, "'" + key + "' needs a whole number");
            return Optional.empty();
        }
        String keyType = fields.text("key-type", kind == Check.DeepKind.MIN_KEY_BITS).orElse("");
        if (value < 0) {
            problems.at(node, "'" + key + "' must not be negative");
            return Optional.empty();
        }
        return Optional.of(new Check.Deep(kind, keyType, value));
    }

    private Optional<Check> builtin(YamlFields fields, Optional<Category> category) {
        String name = fields.text("check", true).orElse("");
        Node node = fields.value("check").orElseThrow();
        if (name.equals("terrapin")) {
            if (category.isPresent()) {
                problems.at(node, "the terrapin check spans kex, cipher and MAC lists: remove 'category'");
            }
            return Optional.of(new Check.Terrapin());
        }
        if (name.equals("nothing-acceptable")) {
            return Optional.of(new Check.NothingAcceptable());
        }
        if (name.equals(Check.DeepKind.HOST_KEY_SIGNATURES.id())) {
            return Optional.of(new Check.Deep(Check.DeepKind.HOST_KEY_SIGNATURES, "", 0)); // judged by DeepJudge
        }
        if (name.equals("ssh1-only") || name.equals("ssh1-enabled")) {
            category.ifPresent(c -> problems.at(node, "the " + name + " check judges the identification line: remove 'category'"));
            return Optional.of(new Check.Protocol1(name.equals("ssh1-only")));
        }
        problems.at(node, "unknown check '" + name + "'" + Suggest.didYouMean(name, BUILTIN_CHECKS)
                + ": use one of " + String.join(", ", BUILTIN_CHECKS));
        return Optional.empty();
    }
}
