package dev.kexwatch.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.policy.Check;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyLoader;
import dev.kexwatch.policy.Rule;
import dev.kexwatch.testsupport.OfferFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.compression.BuiltinCompressions;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.junit.jupiter.api.Test;

/** The catalog is data; these tests keep it whole, sourced and in step with the implementations we meet. */
class AlgorithmCatalogIntegrityTest {

    private final AlgorithmCatalog catalog = AlgorithmCatalog.builtin();

    @Test
    void everyEntryHasCategoryVerdictReasonsAndSource() {
        assertThat(catalog.entries()).hasSizeGreaterThan(300);
        for (AlgorithmInfo info : catalog.entries()) {
            assertThat(info.category()).as(info.name()).isNotNull().isNotEqualTo(Category.LANGUAGE);
            assertThat(info.verdict()).as(info.name()).isNotEqualTo(Verdict.UNKNOWN);
            assertThat(info.reasons()).as(info.name()).isNotEmpty();
            assertThat(info.source()).as(info.name()).isNotBlank();
        }
    }

    @Test
    void opinionsAreLabelledAndEverythingElseCitesAStandardOrVendor() {
        for (AlgorithmInfo info : catalog.entries()) {
            assertThat(info.source()).as(info.name())
                    .matches("(?s)(opinion \\(kexwatch\\).*|RFC \\d+.*|OpenSSH .*|draft-.*|Dropbear .*|Sweet32.*|NIST .*)");
        }
    }

    @Test
    void noNameIsListedTwiceInACategory() {
        Set<String> seen = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (AlgorithmInfo info : catalog.entries()) {
            if (!seen.add(info.category() + "/" + info.name())) {
                duplicates.add(info.category() + "/" + info.name());
            }
        }
        assertThat(duplicates).isEmpty();
    }

    @Test
    void everyMinaSshdBuiltinNameIsInTheCatalog() {
        Map<Category, NamedResource[]> builtins = Map.of(Category.KEX, BuiltinDHFactories.values(),
                Category.HOST_KEY, BuiltinSignatures.values(), Category.CIPHER, BuiltinCiphers.values(),
                Category.MAC, BuiltinMacs.values(), Category.COMPRESSION, BuiltinCompressions.values());
        List<String> missing = new ArrayList<>();
        builtins.forEach((category, names) -> Stream.of(names).map(NamedResource::getName)
                .filter(name -> catalog.lookup(category, name).isEmpty())
                .forEach(name -> missing.add(category.id() + ":" + name)));
        assertThat(missing).isEmpty();
    }

    @Test
    void everyNameOfTheCapturedRealOffersIsKnown() {
        for (String fixture : OfferFixtures.CAPTURED) {
            ServerOffer offer = OfferFixtures.captured(fixture);
            for (KexList list : KexList.values()) {
                if (list.category() == Category.LANGUAGE) {
                    continue;
                }
                assertThat(offer.get(list)).as(fixture + " " + list.key())
                        .allSatisfy(name -> assertThat(catalog.lookup(list.category(), name)).as(name).isPresent());
            }
        }
    }

    @Test
    void openSsh10AndPostQuantumNamesAreKnownWithTheirTraits() {
        for (String name : List.of("mlkem768x25519-sha256", "sntrup761x25519-sha512",
                "sntrup761x25519-sha512@openssh.com", "mlkem1024nistp384-sha384")) {
            assertThat(catalog.lookup(Category.KEX, name)).as(name).hasValueSatisfying(info -> {
                assertThat(info.verdict()).isEqualTo(Verdict.OK);
                assertThat(info.has(Trait.PQ)).isTrue();
            });
        }
        assertThat(catalog.lookup(Category.HOST_KEY, "ssh-dss").orElseThrow().removed()).hasValue("OpenSSH 10.0");
    }

    @Test
    void signalsAreSignalsNotAlgorithms() {
        for (String name : List.of("ext-info-c", "ext-info-s", "kex-strict-c-v00@openssh.com",
                "kex-strict-s-v00@openssh.com", "kexguess2@matt.ucc.asn.au")) {
            assertThat(catalog.isSignal(Category.KEX, name)).as(name).isTrue();
        }
        assertThat(catalog.isSignal(Category.KEX, "curve25519-sha256")).isFalse();
    }

    @Test
    void unknownNamesComeOutUnknownNeverPassed() {
        assertThat(catalog.lookup(Category.CIPHER, "rot13-cbc@example.com")).isEmpty();
        assertThat(catalog.verdict(Category.CIPHER, "rot13-cbc@example.com")).isEqualTo(Verdict.UNKNOWN);
        assertThat(catalog.verdict(Category.KEX, "aes128-ctr")).as("a cipher name in the kex list")
                .isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void gssNamesMatchTheirFamilyWhateverTheOidSuffix() {
        AlgorithmInfo info = catalog.lookup(Category.KEX, "gss-group1-sha1-toWM5Slw5Ew8Mqkay+al2g==").orElseThrow();
        assertThat(info.name()).isEqualTo("gss-group1-sha1-*");
        assertThat(info.verdict()).isEqualTo(Verdict.INSECURE);
        assertThat(info.source()).contains("RFC 9142 §4");
    }

    @Test
    void terrapinTraitsAreSet() {
        assertThat(catalog.describe(Category.CIPHER, "aes128-cbc").has(Trait.CBC)).isTrue();
        assertThat(catalog.describe(Category.CIPHER, "rijndael-cbc@lysator.liu.se").has(Trait.CBC)).isTrue();
        assertThat(catalog.describe(Category.MAC, "hmac-sha2-256-etm@openssh.com").has(Trait.ETM)).isTrue();
        assertThat(catalog.describe(Category.MAC, "hmac-sha2-256").has(Trait.ETM)).isFalse();
        assertThat(catalog.describe(Category.CIPHER, "aes256-gcm@openssh.com").has(Trait.AEAD)).isTrue();
    }

    @Test
    void everyExactNameInShippedPoliciesIsInTheCatalogUnderTheRulesCategory() {
        List<String> missing = new ArrayList<>();
        for (Policy policy : new PolicyLoader().loadDirectory(Path.of("policies"))) {
            for (Rule rule : policy.rules()) {
                for (Glob glob : names(rule)) {
                    Category category = rule.category().orElseThrow();
                    if (glob.isLiteral() && catalog.lookup(category, glob.text()).isEmpty()) {
                        missing.add(policy.id() + "/" + rule.id() + ": " + glob);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<Glob> names(Rule rule) {
        if (rule.check() instanceof Check.Forbid forbid) {
            return forbid.names();
        }
        if (rule.check() instanceof Check.AllowOnly allow) {
            return allow.names();
        }
        if (rule.check() instanceof Check.RequireOneOf require) {
            return require.names();
        }
        return List.of();
    }
}
