package dev.kexwatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.metrics.OfferFacts.AlgorithmKey;
import dev.kexwatch.testsupport.OfferFixtures;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Per-offer facts behind the fleet gauges, on offers captured from real servers. */
class OfferFactsTest {

    private static final AlgorithmCatalog CATALOG = AlgorithmCatalog.builtin();
    private static final String STRICT_KEX = "kex-strict-s-v00@openssh.com";

    @Test
    void hardenedOpenSshIsPostQuantumNotWeakAndProtectedByStrictKex() {
        OfferFacts facts = OfferFacts.of(OfferFixtures.captured("openssh-hardened"), CATALOG);

        assertThat(facts.postQuantum()).isTrue();
        assertThat(facts.weak()).isFalse();
        assertThat(facts.terrapinExposed()).isFalse();
        assertThat(facts.algorithms()).contains(new AlgorithmKey("kex", "sntrup761x25519-sha512@openssh.com", "ok"));
    }

    @Test
    void withoutTheStrictKexMarkerChaCha20IsOpenToTerrapin() {
        ServerOffer hardened = OfferFixtures.captured("openssh-hardened");

        assertThat(OfferFacts.of(without(hardened, STRICT_KEX), CATALOG).terrapinExposed()).isTrue();
    }

    @Test
    void cbcIsOpenToTerrapinOnlyWithAnEtmMac() {
        OfferFacts cbcEtm = OfferFacts.of(OfferFixtures.offer("curve25519-sha256", "ssh-ed25519", "aes128-cbc",
                "hmac-sha2-256-etm@openssh.com", "none"), CATALOG);
        OfferFacts cbcPlain = OfferFacts.of(OfferFixtures.offer("curve25519-sha256", "ssh-ed25519", "aes128-cbc",
                "hmac-sha2-256", "none"), CATALOG);

        assertThat(cbcEtm.terrapinExposed()).isTrue();
        assertThat(cbcPlain.terrapinExposed()).isFalse();
        assertThat(cbcPlain.weak()).isTrue();
        assertThat(cbcPlain.postQuantum()).isFalse();
    }

    @Test
    void legacyOpenSshIsWeak() {
        OfferFacts facts = OfferFacts.of(OfferFixtures.captured("openssh-legacy"), CATALOG);

        assertThat(facts.weak()).isTrue();
        assertThat(facts.algorithms()).filteredOn(k -> k.verdict().equals("insecure")).isNotEmpty();
    }

    @Test
    void namesTheCatalogDoesNotKnowFoldIntoOneUnknownSeriesPerCategory() {
        OfferFacts facts = OfferFacts.of(OfferFixtures.offer("made-up-1@example.org,made-up-2@example.org",
                "ssh-ed25519", "aes128-ctr,cipher-x@example.org", "hmac-sha2-256", "none"), CATALOG);

        assertThat(facts.algorithms()).contains(AlgorithmKey.unknown(Category.KEX), AlgorithmKey.unknown(Category.CIPHER))
                .noneMatch(k -> k.algorithm().contains("example.org"));
    }

    @Test
    void everySeriesAnOfferCanProduceIsInTheBoundedSet() {
        Set<AlgorithmKey> all = AlgorithmKey.all(CATALOG);
        long counted = CATALOG.entries().stream().filter(e -> OfferFacts.COUNTED.contains(e.category())).count();

        assertThat(all).hasSizeLessThanOrEqualTo((int) counted + OfferFacts.COUNTED.size());
        for (String name : OfferFixtures.CAPTURED) {
            assertThat(all).containsAll(OfferFacts.of(OfferFixtures.captured(name), CATALOG).algorithms());
        }
    }

    private static ServerOffer without(ServerOffer offer, String name) {
        Map<KexList, List<String>> lists = new EnumMap<>(offer.lists());
        lists.put(KexList.KEX, offer.get(KexList.KEX).stream().filter(n -> !n.equals(name)).toList());
        return new ServerOffer(lists);
    }
}
