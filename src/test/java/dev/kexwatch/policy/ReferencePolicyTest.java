package dev.kexwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.testsupport.OfferFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The policy written from a reference host's offer: exactly its names, per direction where they differ. */
class ReferencePolicyTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);
    private static final HostRef HOST = new HostRef("127.0.0.1", 22, Map.of());
    private final ReferencePolicy writer = new ReferencePolicy(AlgorithmCatalog.builtin());

    private Policy write(ServerOffer offer, Map<String, String> labels) {
        String yaml = writer.yaml(new ReferencePolicy.Request("golden", "127.0.0.1:22", DAY, labels), offer);
        return new PolicyLoader().parse(yaml, "test");
    }

    @Test
    void aCapturedServerPassesAnotherOnesPolicyExactlyWhenItOffersNothingMore() {
        int refused = 0;
        for (String name : OfferFixtures.CAPTURED) {
            Policy own = write(OfferFixtures.captured(name), Map.of());
            for (String other : OfferFixtures.CAPTURED) {
                Evaluation e = new PolicyEngine().evaluate(own, OfferFixtures.captured(other), HOST, DAY);
                boolean within = offersNothingMore(OfferFixtures.captured(other), OfferFixtures.captured(name));
                assertThat(e.compliant()).as(name + " policy on " + other).isEqualTo(within);
                refused += within ? 0 : 1;
            }
        }
        assertThat(refused).isGreaterThan(OfferFixtures.CAPTURED.size()); // most pairs differ
    }

    private static boolean offersNothingMore(ServerOffer offer, ServerOffer reference) {
        AlgorithmCatalog catalog = AlgorithmCatalog.builtin();
        return Stream.of(KexList.values()).filter(l -> l.category() != Category.LANGUAGE)
                .allMatch(l -> offer.get(l).stream().filter(n -> !catalog.isSignal(l.category(), n))
                        .allMatch(reference.get(l)::contains));
    }

    @Test
    void directionsThatDifferGetARuleEach() {
        ServerOffer offer = ServerOffer.fromRaw(List.of("curve25519-sha256,ext-info-s", "ssh-ed25519",
                "aes128-ctr,aes256-ctr", "aes256-ctr", "hmac-sha2-256", "hmac-sha2-256", "none", "none,zlib", "", ""));
        Policy policy = write(offer, Map.of("role", "db \"primary\""));
        assertThat(policy.rules()).extracting(Rule::id).containsExactly("same-kex", "same-hostkey",
                "same-cipher-c2s", "same-cipher-s2c", "same-mac", "same-compression-c2s", "same-compression-s2c");
        assertThat(((Check.AllowOnly) policy.rule("same-kex").orElseThrow().check()).names())
                .extracting(g -> g.text()).containsExactly("curve25519-sha256");
        assertThat(policy.selector().labels()).containsEntry("role", "db \"primary\"");
        ServerOffer swapped = ServerOffer.fromRaw(List.of("curve25519-sha256", "ssh-ed25519", "aes256-ctr",
                "aes128-ctr,aes256-ctr", "hmac-sha2-256", "hmac-sha2-256", "none", "none", "", ""));
        assertThat(new PolicyEngine().evaluate(policy, swapped, HOST, DAY).findings()).extracting(Finding::ruleId)
                .containsExactly("same-cipher-s2c");
    }

    @Test
    void aWildcardOrUnusableNameFromTheHostIsRefusedNotWidened() {
        ServerOffer offer = OfferFixtures.offer("curve25519-sha256", "ssh-ed25519", "aes*", "hmac-sha2-256", "none");
        assertThatThrownBy(() -> write(offer, Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("encryption_algorithms_client_to_server name 'aes*'");
        assertThatThrownBy(() -> writer.yaml(new ReferencePolicy.Request("Golden", "h", DAY, Map.of()),
                OfferFixtures.captured("dropbear"))).hasMessageContaining("policy id 'Golden'");
    }
}
