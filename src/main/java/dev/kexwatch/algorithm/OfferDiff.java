package dev.kexwatch.algorithm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What changed between two offers of one host: names added and removed, per list. */
public record OfferDiff(Map<KexList, Change> changes) {

    /** Names in the newer list and not the older, and the other way round, each in list order. */
    public record Change(List<String> added, List<String> removed) {
    }

    public OfferDiff {
        changes = Map.copyOf(changes);
    }

    /** Only lists that changed appear; an empty diff means the same names (order changes are not drift). */
    public static OfferDiff between(ServerOffer before, ServerOffer after) {
        Map<KexList, Change> changes = new LinkedHashMap<>();
        for (KexList list : KexList.values()) {
            List<String> added = minus(after.get(list), before.get(list));
            List<String> removed = minus(before.get(list), after.get(list));
            if (!added.isEmpty() || !removed.isEmpty()) {
                changes.put(list, new Change(added, removed));
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
