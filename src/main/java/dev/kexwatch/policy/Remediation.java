package dev.kexwatch.policy;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds the {@code sshd_config} snippet for a finding: what the host offers minus what the policy rejects, in the
 * host's order, never with signal names (sshd adds those itself).
 */
final class Remediation {

    /** The sshd_config keyword per list category, from the catalog. */
    private static final Map<Category, String> KEYWORDS = AlgorithmCatalog.builtin().facts().keywords();

    private final ServerOffer offer;
    private final Rejections rejections;

    Remediation(ServerOffer offer, Rejections rejections) {
        this.offer = offer;
        this.rejections = rejections;
    }

    /** The rule's own advice as comments, then the config line for the category. */
    String forRule(Rule rule, Category category, List<String> toAdd, Predicate<String> alsoDrop) {
        List<String> lines = new ArrayList<>();
        rule.remediation().ifPresent(text -> text.lines().map(l -> "# " + l.strip()).forEach(lines::add));
        lines.add(line(category, toAdd, alsoDrop));
        return String.join("\n", lines);
    }

    String line(Category category, List<String> toAdd, Predicate<String> alsoDrop) {
        Set<String> names = new LinkedHashSet<>(toAdd);
        kept(category).stream().filter(alsoDrop.negate()).forEach(names::add);
        if (names.isEmpty()) {
            return "# nothing the host offers for " + category.id() + " is acceptable: enable a name the policy allows";
        }
        if (category == Category.COMPRESSION) {
            return "Compression " + compression(names);
        }
        return KEYWORDS.get(category) + " " + String.join(",", names);
    }

    /** Kept names of a category; c2s order first, then s2c-only names, since sshd_config has one line for both. */
    List<String> kept(Category category) {
        Set<String> names = new LinkedHashSet<>();
        for (Direction direction : Direction.values()) {
            KexList list = KexList.of(category, direction);
            names.addAll(rejections.kept(offer.get(list), list));
            if (list.direction().isEmpty()) {
                break;
            }
        }
        return List.copyOf(names);
    }

    private static String compression(Set<String> names) {
        if (names.contains("zlib")) {
            return "yes";
        }
        return names.contains("zlib@openssh.com") ? "delayed" : "no";
    }
}
