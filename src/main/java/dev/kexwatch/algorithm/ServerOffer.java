package dev.kexwatch.algorithm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The ten name-lists a server sent in its SSH_MSG_KEXINIT, verbatim and in order (RFC 4253 §7.1). Signal
 * names such as {@code ext-info-s} or {@code kex-strict-s-v00@openssh.com} and unknown names are kept: this
 * is evidence, not an interpretation.
 */
public record ServerOffer(Map<KexList, List<String>> lists) {

    private static final KexList[] WIRE_ORDER = KexList.values();

    public ServerOffer {
        EnumMap<KexList, List<String>> copy = new EnumMap<>(KexList.class);
        for (KexList list : WIRE_ORDER) {
            // no copy of a list that is already immutable, as the probe's are
            copy.put(list, List.copyOf(lists.getOrDefault(list, List.of())));
        }
        lists = java.util.Collections.unmodifiableMap(copy);
    }

    /** The names of one list, in the server's order. */
    public List<String> get(KexList list) {
        return lists.get(list);
    }

    /**
     * Splits a raw comma-separated name-list as it came off the wire. An empty string is an empty list;
     * empty names between commas are kept, since a malformed list is evidence too. The list is immutable.
     */
    public static List<String> split(String raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        // indexOf and substring rather than a loop over chars: they run as intrinsics even before the JIT
        // has compiled this, which matters for a short scan in a fresh JVM
        String[] names = new String[commas(raw) + 1];
        int start = 0;
        for (int i = 0; i < names.length - 1; i++) {
            int comma = raw.indexOf(',', start);
            names[i] = raw.substring(start, comma);
            start = comma + 1;
        }
        names[names.length - 1] = raw.substring(start);
        return List.of(names);
    }

    private static int commas(String raw) {
        int commas = 0;
        for (int i = raw.indexOf(','); i >= 0; i = raw.indexOf(',', i + 1)) {
            commas++;
        }
        return commas;
    }

    /** Builds an offer from the ten raw name-lists in wire order. */
    public static ServerOffer fromRaw(List<String> rawLists) {
        List<List<String>> names = new ArrayList<>(rawLists.size());
        for (String raw : rawLists) {
            names.add(split(raw));
        }
        return of(names);
    }

    /** Builds an offer from the ten name-lists in wire order, each already split into its names. */
    public static ServerOffer of(List<List<String>> nameLists) {
        if (nameLists.size() != WIRE_ORDER.length) {
            throw new IllegalArgumentException("a KEXINIT has 10 name-lists, got " + nameLists.size());
        }
        EnumMap<KexList, List<String>> map = new EnumMap<>(KexList.class);
        for (KexList list : WIRE_ORDER) {
            map.put(list, nameLists.get(list.ordinal()));
        }
        return new ServerOffer(map);
    }

    /** The raw comma-joined form of one list, as it was on the wire. */
    public String raw(KexList list) {
        return String.join(",", get(list));
    }
}
