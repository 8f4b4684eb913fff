package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One host moved to a release: the offer it would send afterwards. The host keeps its host keys (the target's
 * host-key list is cut to the key types the host offers today). With {@code keepOverrides}, when the catalogue
 * knows the host's current release (from its software version), what the host offers beyond or short of that
 * release's defaults is read as {@code +names} / {@code -names} lines and applied to the target's defaults;
 * an explicit whole list in the host's configuration is thereby approximated (new names of the target stay).
 *
 * @param from the host's current release, when the catalogue knows it
 * @param overrides the inferred configuration lines carried over, e.g. {@code KexAlgorithms +diffie-hellman-group14-sha1}
 */
public record ReleaseMove(Release target, Optional<Release> from, List<String> overrides, ServerOffer offer) {

    private static final List<Category> CONFIGURABLE = List.of(Category.KEX, Category.HOST_KEY, Category.CIPHER,
            Category.MAC);

    public ReleaseMove {
        overrides = List.copyOf(overrides);
    }

    /** Moves a host offering {@code current}, whose identification names {@code software}, to {@code target}. */
    public static ReleaseMove of(ReleaseCatalog catalog, Release target, ServerOffer current, String software,
            boolean keepOverrides) {
        Set<String> keyTypes = HostKeyTypes.of(current.get(KexList.HOST_KEY));
        ServerOffer base = target.serverOffer(keyTypes.isEmpty() ? HostKeyTypes.DEFAULT_INSTALL : keyTypes);
        Optional<Release> from = catalog.identify(software);
        if (!keepOverrides || from.isEmpty()) {
            return new ReleaseMove(target, from, List.of(), base);
        }
        ServerOffer defaults = from.get().serverOffer(keyTypes);
        Map<KexList, List<String>> lists = new EnumMap<>(base.lists());
        List<String> lines = new ArrayList<>();
        for (Category category : CONFIGURABLE) {
            KexList probe = KexList.of(category, Direction.C2S); // both directions are the same in sshd
            List<String> added = minus(current.get(probe), defaults.get(probe));
            List<String> removed = minus(defaults.get(probe), current.get(probe));
            String keyword = OpenSshKeyword.of(category);
            if (!added.isEmpty()) {
                lines.add(keyword + " +" + String.join(",", added));
            }
            if (!removed.isEmpty()) {
                lines.add(keyword + " -" + String.join(",", removed));
            }
            for (KexList list : KexList.values()) {
                if (list.category() == category) {
                    lists.put(list, apply(base.get(list), added, removed));
                }
            }
        }
        return new ReleaseMove(target, from, lines, new ServerOffer(lists));
    }

    /** Names of {@code a} not in {@code b}, signals left out (the server adds them itself). */
    private static List<String> minus(List<String> a, List<String> b) {
        return a.stream().filter(n -> !Signals.isSignal(n) && !b.contains(n)).distinct().toList();
    }

    private static List<String> apply(List<String> base, List<String> added, List<String> removed) {
        LinkedHashSet<String> names = new LinkedHashSet<>(base.stream().filter(n -> !Signals.isSignal(n)).toList());
        names.removeAll(removed);
        names.addAll(added);
        List<String> result = new ArrayList<>(names);
        base.stream().filter(Signals::isSignal).forEach(result::add);
        return result;
    }
}
