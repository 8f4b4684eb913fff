package dev.kexwatch.policy;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.ServerSoftware;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Builds the {@code sshd_config} snippet for a finding: what the host offers minus what the policy rejects, in the
 * host's order, never with signal names (sshd adds those itself). For a Dropbear host, which has no sshd_config, a
 * {@code localoptions.h} snippet or an upgrade instead ({@link DropbearRemedy}).
 */
final class Remediation {

    /** The sshd_config keyword per list category, from the catalog. */
    private static final Map<Category, String> KEYWORDS = AlgorithmCatalog.builtin().facts().keywords();

    private final ServerOffer offer;
    private final Rejections rejections;
    private final String softwareVersion;
    private final boolean dropbear;

    /** @param softwareVersion the host's (e.g. {@code dropbear_2022.83}); empty when unknown, then sshd_config */
    Remediation(ServerOffer offer, Rejections rejections, String softwareVersion) {
        this.offer = offer;
        this.rejections = rejections;
        this.softwareVersion = softwareVersion;
        this.dropbear = ServerSoftware.of(softwareVersion).kind() == ServerSoftware.Kind.DROPBEAR;
    }

    /** The rule's own advice as comments, then the config line for the category. */
    String forRule(Rule rule, Category category, List<String> toAdd, Predicate<String> alsoDrop) {
        if (dropbear) {
            boolean nothingLeft = toAdd.isEmpty() && kept(category).stream().noneMatch(alsoDrop.negate());
            return DropbearRemedy.of(dropped(category, alsoDrop), toAdd, softwareVersion,
                    nothingLeft ? Optional.of(category.id()) : Optional.empty());
        }
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

    /** Terrapin exposure: for Dropbear an upgrade to strict key exchange, else the cipher line without them. */
    String forTerrapin(Rule rule, Predicate<String> vulnerable) {
        return dropbear ? DropbearRemedy.terrapin(dropped(Category.CIPHER, vulnerable))
                : forRule(rule, Category.CIPHER, List.of(), vulnerable);
    }

    /** What the host offers for a category that the policies reject or {@code alsoDrop} names, signals left out. */
    private List<String> dropped(Category category, Predicate<String> alsoDrop) {
        Set<String> kept = new LinkedHashSet<>(kept(category));
        Set<String> dropped = new LinkedHashSet<>();
        for (Direction direction : Direction.values()) {
            KexList list = KexList.of(category, direction);
            offer.get(list).stream().filter(n -> !rejections.isSignal(list, n))
                    .filter(n -> !kept.contains(n) || alsoDrop.test(n)).forEach(dropped::add);
            if (list.direction().isEmpty()) {
                break;
            }
        }
        return List.copyOf(dropped);
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
