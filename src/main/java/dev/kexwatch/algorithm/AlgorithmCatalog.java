package dev.kexwatch.algorithm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Algorithm knowledge as data: every name kexwatch knows, with category, verdict, reasons and the source of each
 * verdict. The built-in catalog is {@code dev/kexwatch/algorithm/catalog.yaml}. Names it does not know come out as
 * {@link Verdict#UNKNOWN}, never as passed.
 */
public final class AlgorithmCatalog {

    private static final String RESOURCE = "catalog.yaml";
    private static volatile AlgorithmCatalog builtin;

    private final List<AlgorithmInfo> entries;
    private final Map<Category, Map<String, AlgorithmInfo>> exact = new EnumMap<>(Category.class);
    private final Map<Category, List<Family>> families = new EnumMap<>(Category.class);

    /** A catalog over these entries; a family entry has a name ending in {@code *}. */
    public AlgorithmCatalog(List<AlgorithmInfo> entries) {
        this.entries = List.copyOf(entries);
        for (AlgorithmInfo info : this.entries) {
            if (info.name().endsWith("*")) {
                families.computeIfAbsent(info.category(), c -> new ArrayList<>())
                        .add(new Family(Glob.compile(info.name()), info));
            } else {
                exact.computeIfAbsent(info.category(), c -> new LinkedHashMap<>()).put(info.name(), info);
            }
        }
    }

    /** The catalog shipped with kexwatch, read once. */
    public static AlgorithmCatalog builtin() {
        AlgorithmCatalog catalog = builtin;
        if (catalog == null) {
            synchronized (AlgorithmCatalog.class) {
                if (builtin == null) {
                    builtin = new AlgorithmCatalog(CatalogReader.read(AlgorithmCatalog.class.getResource(RESOURCE)));
                }
                catalog = builtin;
            }
        }
        return catalog;
    }

    /** Every entry, in file order. */
    public List<AlgorithmInfo> entries() {
        return entries;
    }

    /** What the catalog knows about a name in one category (a name such as {@code none} exists in several). */
    public Optional<AlgorithmInfo> lookup(Category category, String name) {
        AlgorithmInfo info = exact.getOrDefault(category, Map.of()).get(name);
        if (info != null) {
            return Optional.of(info);
        }
        return families.getOrDefault(category, List.of()).stream()
                .filter(family -> family.glob().matches(name))
                .map(Family::info)
                .findFirst();
    }

    /** The first entry with this name, trying kex, host key, cipher, MAC and compression in that order. */
    public Optional<AlgorithmInfo> lookup(String name) {
        for (Category category : Category.values()) {
            Optional<AlgorithmInfo> info = lookup(category, name);
            if (info.isPresent()) {
                return info;
            }
        }
        return Optional.empty();
    }

    /** The entry for a name, or an {@link Verdict#UNKNOWN} one: what judging code should use. */
    public AlgorithmInfo describe(Category category, String name) {
        return lookup(category, name).orElseGet(() -> AlgorithmInfo.unknown(category, name));
    }

    public Verdict verdict(Category category, String name) {
        return describe(category, name).verdict();
    }

    public boolean isSignal(Category category, String name) {
        return lookup(category, name).map(AlgorithmInfo::isSignal).orElse(false);
    }

    private record Family(Glob glob, AlgorithmInfo info) {
    }
}
