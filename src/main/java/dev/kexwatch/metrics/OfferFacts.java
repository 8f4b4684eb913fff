package dev.kexwatch.metrics;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.AlgorithmInfo;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.Trait;
import dev.kexwatch.algorithm.Verdict;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyEngine;
import dev.kexwatch.policy.PolicyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the fleet gauges need to know about one offer. Offers are stored once however many hosts send them, so
 * this is computed once per distinct offer.
 *
 * @param algorithms the catalog series the offer counts towards, each once however many lists name it
 * @param terrapinExposed open to Terrapin (CVE-2023-48795), judged by the policy engine's own check
 * @param postQuantum offers a key exchange the catalog marks post-quantum
 * @param weak offers a name the catalog rates weak or insecure
 */
record OfferFacts(Set<AlgorithmKey> algorithms, boolean terrapinExposed, boolean postQuantum, boolean weak) {

    /** The categories with algorithm series; languages are free text, not algorithms. */
    static final Set<Category> COUNTED = Set.of(Category.KEX, Category.HOST_KEY, Category.CIPHER, Category.MAC,
            Category.COMPRESSION);
    private static final Policy TERRAPIN = terrapinPolicy();
    private static final HostRef ANY_HOST = new HostRef("metrics", 22, Map.of());

    OfferFacts {
        algorithms = Set.copyOf(algorithms);
    }

    /**
     * A series of {@code kexwatch_hosts_offering}: a catalog entry (a family pattern for families), or
     * {@code unknown} for every name the catalog does not know, so a hostile server cannot mint series.
     */
    record AlgorithmKey(String category, String algorithm, String verdict) {

        static AlgorithmKey of(AlgorithmInfo info) {
            return new AlgorithmKey(info.category().id(), info.name(), info.verdict().id());
        }

        static AlgorithmKey unknown(Category category) {
            return new AlgorithmKey(category.id(), "unknown", Verdict.UNKNOWN.id());
        }

        /** Every series there can be: the bound on the metric's cardinality. */
        static Set<AlgorithmKey> all(AlgorithmCatalog catalog) {
            Set<AlgorithmKey> keys = new LinkedHashSet<>();
            catalog.entries().stream().filter(e -> COUNTED.contains(e.category())).map(AlgorithmKey::of)
                    .forEach(keys::add);
            COUNTED.forEach(category -> keys.add(unknown(category)));
            return keys;
        }
    }

    static OfferFacts of(ServerOffer offer, AlgorithmCatalog catalog) {
        Set<AlgorithmKey> algorithms = new LinkedHashSet<>();
        boolean weak = false;
        for (KexList list : KexList.values()) {
            if (!COUNTED.contains(list.category())) {
                continue;
            }
            for (String name : offer.get(list)) {
                AlgorithmKey key = catalog.lookup(list.category(), name).map(AlgorithmKey::of)
                        .orElseGet(() -> AlgorithmKey.unknown(list.category()));
                algorithms.add(key);
                Verdict verdict = catalog.verdict(list.category(), name);
                weak |= verdict == Verdict.WEAK || verdict == Verdict.INSECURE;
            }
        }
        boolean postQuantum = offer.get(KexList.KEX).stream()
                .anyMatch(n -> catalog.describe(Category.KEX, n).has(Trait.PQ));
        boolean terrapin = !new PolicyEngine(catalog).evaluate(TERRAPIN, offer, ANY_HOST, LocalDate.EPOCH).compliant();
        return new OfferFacts(algorithms, terrapin, postQuantum, weak);
    }

    private static Policy terrapinPolicy() {
        try (InputStream in = OfferFacts.class.getResourceAsStream("terrapin.yaml")) {
            return new PolicyLoader().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "terrapin.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
