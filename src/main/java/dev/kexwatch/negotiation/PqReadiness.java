package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.Trait;
import java.util.List;
import java.util.Optional;

/**
 * Whether a client profile and a server offer negotiate a post-quantum hybrid key exchange (RFC 4253 §7.1: the
 * first client kex the server also lists), and which side blocks when they do not. Which names are
 * post-quantum is the catalog's {@code pq} trait, never a list in code. Pure.
 */
public final class PqReadiness {

    private final AlgorithmCatalog catalog;

    public PqReadiness(AlgorithmCatalog catalog) {
        this.catalog = catalog;
    }

    /** One pair's verdict, with the kex it would negotiate (empty when none is common). */
    public record Verdict(PqStatus status, Optional<String> kex) {

        public boolean postQuantum() {
            return status == PqStatus.POST_QUANTUM;
        }
    }

    public Verdict of(ClientProfile client, ServerOffer offer) {
        List<String> clientKex = client.get(KexList.KEX);
        List<String> serverKex = offer.get(KexList.KEX);
        Optional<String> chosen = Negotiator.firstCommon(clientKex, serverKex);
        return new Verdict(status(chosen, clientKex, serverKex), chosen);
    }

    private PqStatus status(Optional<String> chosen, List<String> clientKex, List<String> serverKex) {
        if (chosen.isEmpty()) {
            return PqStatus.NO_COMMON_KEX;
        }
        if (isPq(chosen.get())) {
            return PqStatus.POST_QUANTUM;
        }
        if (serverKex.stream().noneMatch(this::isPq)) {
            return PqStatus.SERVER_OFFERS_NONE;
        }
        if (clientKex.stream().noneMatch(this::isPq)) {
            return PqStatus.CLIENT_OFFERS_NONE;
        }
        return PqStatus.ORDER_PICKS_CLASSICAL;
    }

    /** Whether the catalog marks a kex name post-quantum. */
    public boolean isPq(String kex) {
        return catalog.describe(Category.KEX, kex).has(Trait.PQ);
    }
}
