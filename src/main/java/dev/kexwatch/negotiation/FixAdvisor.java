package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerSoftware;
import dev.kexwatch.algorithm.Verdict;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Suggests the smallest fix for a {@link Mismatch}: one name the other side already supports, the strongest
 * by the catalog's strength ranking, preferring names the {@code preferred} predicate accepts (e.g. a catalog's "ok").
 */
public final class FixAdvisor {

    private static final AlgorithmCatalog CATALOG = AlgorithmCatalog.builtin();

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
     * sound one would do; among those it ranks by the catalog's strength ranking.
     */
    public static FixAdvisor preferringSound(AlgorithmCatalog catalog) {
        return new FixAdvisor((category, name) -> catalog.verdict(category, name) == Verdict.OK);
    }

    /** An advisor that ranks by the catalog's strength ranking alone. */
    public static FixAdvisor byStrength() {
        return new FixAdvisor(name -> true);
    }

    /** The client-side and server-side fix for one mismatch with an OpenSSH server. */
    public List<Fix> advise(Mismatch mismatch, ClientProfile client) {
        return advise(mismatch, client, ServerSoftware.Kind.OPENSSH);
    }

    /**
     * The client-side fix (in the client's own configuration syntax) and the server-side fix (only what that server
     * can enable: a missing host key means generating one) for one mismatch, when either side has a usable name.
     */
    public List<Fix> advise(Mismatch mismatch, ClientProfile client, ServerSoftware.Kind server) {
        KexList list = mismatch.list();
        Optional<Fix> clientFix = ranked(mismatch.category(), mismatch.server())
                .flatMap(name -> ClientSyntax.enable(client, list, name)
                        .map(text -> new Fix(Fix.Side.CLIENT, list, name, text)).stream())
                .findFirst();
        Optional<Fix> serverFix = ranked(mismatch.category(), mismatch.client())
                .flatMap(name -> ServerSyntax.enable(server, list, name, mismatch.server())
                        .map(text -> new Fix(Fix.Side.SERVER, list, name, text)).stream())
                .findFirst();
        return Stream.of(clientFix, serverFix).flatMap(Optional::stream).toList();
    }

    Optional<String> strongest(Category category, List<String> candidates) {
        return ranked(category, candidates).findFirst();
    }

    /** Usable candidates, preferred ones first, then by the catalog's strength ranking. */
    private Stream<String> ranked(Category category, List<String> candidates) {
        Comparator<String> order = Comparator.<String, Boolean>comparing(name -> !preferred.test(category, name))
                .thenComparing(CATALOG.strongestFirst(category));
        return candidates.stream().filter(name -> !name.isBlank() && !Signals.isSignal(name)).sorted(order);
    }
}
