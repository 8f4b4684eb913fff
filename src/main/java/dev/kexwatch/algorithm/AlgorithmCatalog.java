package dev.kexwatch.algorithm;

import java.util.ArrayList;
import java.util.Comparator;
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
    private final CatalogFacts facts;
    private final Map<Category, Map<String, AlgorithmInfo>> exact = new EnumMap<>(Category.class);
    private final Map<Category, List<Family>> families = new EnumMap<>(Category.class);

    /** A catalog over these entries, without keywords, ranking or signal roles. */
    public AlgorithmCatalog(List<AlgorithmInfo> entries) {
        this(entries, CatalogFacts.none());
    }

    /** A catalog over these entries and facts; a family entry has a name ending in {@code *}. */
    public AlgorithmCatalog(List<AlgorithmInfo> entries, CatalogFacts facts) {
        this.entries = List.copyOf(entries);
        this.facts = facts;
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
                    builtin = CatalogReader.read(AlgorithmCatalog.class.getResource(RESOURCE));
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

    /** The kex-list name playing a signal role; the built-in catalog has one for every role. */
    public String signal(Signal role) {
        String name = facts.signals().get(role);
        if (name == null) {
            throw new IllegalStateException("the catalog names no signal " + role.id());
        }
        return name;
    }

    /** The ssh_config(5)/sshd_config(5) keyword for a category's list; compression has none (yes/no only). */
    public Optional<String> openSshKeyword(Category category) {
        return Optional.ofNullable(facts.keywords().get(category));
    }

    /** The catalog's strength rank of a name: lower is stronger; names it does not rank come after all others. */
    public int rank(Category category, String name) {
        List<String> ranks = facts.strength().getOrDefault(category, List.of());
        int index = ranks.indexOf(name);
        return index < 0 ? ranks.size() : index;
    }

    public Comparator<String> strongestFirst(Category category) {
        return Comparator.comparingInt(name -> rank(category, name));
    }

    public CatalogFacts facts() {
        return facts;
    }

    private record Family(Glob glob, AlgorithmInfo info) {
    }
}
