package dev.kexwatch.policy;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.KexList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Which KEXINIT lists a rule judges. Languages are never judged: RFC 4253 §7.1 lets them fail to match. */
final class Scope {

    static final List<Category> JUDGED =
            List.of(Category.KEX, Category.HOST_KEY, Category.CIPHER, Category.MAC, Category.COMPRESSION);

    private Scope() {
    }

    static List<KexList> lists(Category category, Set<Direction> directions) {
        if (category == Category.KEX || category == Category.HOST_KEY) {
            return List.of(KexList.of(category, Direction.C2S));
        }
        List<KexList> lists = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            if (directions.contains(direction)) {
                lists.add(KexList.of(category, direction));
            }
        }
        return lists;
    }

    /** The rule's own lists; a rule without a category covers every judged list. */
    static List<KexList> lists(Rule rule) {
        return rule.category().map(c -> lists(c, rule.directions()))
                .orElseGet(() -> JUDGED.stream().flatMap(c -> lists(c, Set.of(Direction.values())).stream()).toList());
    }

    static boolean covers(Rule rule, KexList list) {
        return rule.category().map(c -> c == list.category()).orElse(true)
                && list.direction().map(rule.directions()::contains).orElse(true);
    }
}
