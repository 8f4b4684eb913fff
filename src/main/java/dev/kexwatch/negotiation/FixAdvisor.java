package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Suggests the smallest fix for a {@link Mismatch}: one name the other side already supports, the strongest
 * by {@link StrengthOrder}, preferring names the {@code preferred} predicate accepts (e.g. a catalog's "ok").
 */
public final class FixAdvisor {

    private final BiPredicate<Category, String> preferred;

    /** @param preferred names to prefer among the candidates (for instance those a catalog rates ok) */
    public FixAdvisor(Predicate<String> preferred) {
        this((category, name) -> preferred.test(name));
    }

    private FixAdvisor(BiPredicate<Category, String> preferred) {
        this.preferred = preferred;
    }

    /**
     * An advisor that prefers names the catalog rates ok, so a fix never suggests enabling a weak name when a
     * sound one would do; among those it ranks by {@link StrengthOrder}.
     */
    public static FixAdvisor preferringSound(AlgorithmCatalog catalog) {
        return new FixAdvisor((category, name) -> catalog.verdict(category, name) == Verdict.OK);
    }

    /** An advisor that ranks by {@link StrengthOrder} alone. */
    public static FixAdvisor byStrength() {
        return new FixAdvisor(name -> true);
    }

    /** The client-side and server-side fix for one mismatch, when either side has a usable name. */
    public List<Fix> advise(Mismatch mismatch, ClientProfile client) {
        Optional<Fix> clientFix = strongest(mismatch.category(), mismatch.server())
                .map(name -> new Fix(Fix.Side.CLIENT, mismatch.list(), name, clientInstruction(client, mismatch.list(), name)));
        Optional<Fix> serverFix = strongest(mismatch.category(), mismatch.client())
                .map(name -> new Fix(Fix.Side.SERVER, mismatch.list(), name, serverInstruction(mismatch.list(), name)));
        return java.util.stream.Stream.of(clientFix, serverFix).flatMap(Optional::stream).toList();
    }

    Optional<String> strongest(Category category, List<String> candidates) {
        Comparator<String> order = Comparator.<String, Boolean>comparing(name -> !preferred.test(category, name))
                .thenComparing(StrengthOrder.strongestFirst(category));
        return candidates.stream().filter(name -> !name.isBlank() && !Signals.isSignal(name)).min(order);
    }

    private static String clientInstruction(ClientProfile client, KexList list, String name) {
        if (!client.name().startsWith("OpenSSH")) {
            return "enable " + name + " in the client's " + list.category().id() + " list";
        }
        if (list.category() == Category.COMPRESSION) {
            return "ssh -o Compression=" + ("none".equals(name) ? "no" : "yes");
        }
        return "ssh -o " + OpenSshKeyword.of(list.category()) + "=+" + name;
    }

    private static String serverInstruction(KexList list, String name) {
        if (list.category() == Category.COMPRESSION) {
            return "sshd_config: Compression " + ("none".equals(name) ? "no" : "yes");
        }
        return "sshd_config: " + OpenSshKeyword.of(list.category()) + " +" + name;
    }
}
