package dev.kexwatch.algorithm;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the catalog knows about one name.
 *
 * @param name the name as sent in KEXINIT, or a family pattern ending in {@code *} (GSS-API names)
 * @param reasons short plain-language reasons for the verdict
 * @param source where the verdict comes from: an RFC section, a vendor release note, or a text starting with
 *     "opinion (kexwatch)"
 * @param since the first releases that shipped the name, where known
 * @param removed the release that dropped it (from defaults or entirely), where known
 * @param signal the role of a {@link AlgorithmKind#SIGNAL} name; empty for algorithms
 */
public record AlgorithmInfo(String name, Category category, AlgorithmKind kind, Verdict verdict, List<String> reasons,
        String source, Set<Trait> traits, Optional<String> since, Optional<String> removed, Optional<Signal> signal) {

    public AlgorithmInfo {
        reasons = List.copyOf(reasons);
        traits = Set.copyOf(traits);
    }

    AlgorithmInfo(String name, Category category, AlgorithmKind kind, Verdict verdict, List<String> reasons,
            String source, Set<Trait> traits, Optional<String> since, Optional<String> removed) {
        this(name, category, kind, verdict, reasons, source, traits, since, removed, Optional.empty());
    }

    AlgorithmInfo withSignal(Optional<Signal> role) {
        return new AlgorithmInfo(name, category, kind, verdict, reasons, source, traits, since, removed, role);
    }

    public boolean isSignal() {
        return kind == AlgorithmKind.SIGNAL;
    }

    public boolean has(Trait trait) {
        return traits.contains(trait);
    }

    /** An entry for a name the catalog does not know: verdict unknown, never silently passed. */
    public static AlgorithmInfo unknown(Category category, String name) {
        return new AlgorithmInfo(name, category, AlgorithmKind.ALGORITHM, Verdict.UNKNOWN,
                List.of("not in the kexwatch catalog"), "kexwatch catalog", Set.of(), Optional.empty(), Optional.empty());
    }
}
