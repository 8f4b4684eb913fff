package dev.kexwatch.algorithm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What changed between two offers of one host: names added and removed, and preference order, per list. */
public record OfferDiff(Map<KexList, Change> changes) {

    /**
     * Names in the newer list and not the older, and the other way round, each in list order; {@code reordered}
     * when the names both lists share come in another order (the server's preference changed, which changes
     * what clients negotiate).
     */
    public record Change(List<String> added, List<String> removed, boolean reordered) {
    }

    public OfferDiff {
        changes = Map.copyOf(changes);
    }

    /** Only lists that changed appear, by names or by order; an empty diff means the same lists. */
    public static OfferDiff between(ServerOffer before, ServerOffer after) {
        Map<KexList, Change> changes = new LinkedHashMap<>();
        for (KexList list : KexList.values()) {
            List<String> added = minus(after.get(list), before.get(list));
            List<String> removed = minus(before.get(list), after.get(list));
            List<String> keptBefore = minus(before.get(list), removed);
            List<String> keptAfter = minus(after.get(list), added);
            boolean reordered = !keptBefore.equals(keptAfter);
            if (!added.isEmpty() || !removed.isEmpty() || reordered) {
                changes.put(list, new Change(added, removed, reordered));
            }
        }
        return new OfferDiff(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.removeAll(b);
        return out;
    }
}
