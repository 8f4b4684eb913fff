package dev.kexwatch.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/** Facts code used to hard-code (signal names, strength ranking, OpenSSH keywords) now come from the catalog. */
class CatalogFactsTest {

    private final AlgorithmCatalog catalog = AlgorithmCatalog.builtin();

    @Test
    void everySignalRoleNamesAKexSignalEntryAndEverySignalEntryHasARole() {
        for (Signal role : Signal.values()) {
            AlgorithmInfo info = catalog.lookup(Category.KEX, catalog.signal(role)).orElseThrow();
            assertThat(info.isSignal()).as(role.id()).isTrue();
            assertThat(info.signal()).contains(role);
        }
        assertThat(catalog.entries().stream().filter(AlgorithmInfo::isSignal))
                .allSatisfy(info -> assertThat(info.signal()).as(info.name()).isPresent());
        assertThat(catalog.signal(Signal.STRICT_KEX_SERVER)).isEqualTo("kex-strict-s-v00@openssh.com");
    }

    @Test
    void everyListCategoryHasItsOpenSshKeywordAndCompressionHasNone() {
        assertThat(catalog.openSshKeyword(Category.KEX)).contains("KexAlgorithms");
        assertThat(catalog.openSshKeyword(Category.HOST_KEY)).contains("HostKeyAlgorithms");
        assertThat(catalog.openSshKeyword(Category.CIPHER)).contains("Ciphers");
        assertThat(catalog.openSshKeyword(Category.MAC)).contains("MACs");
        assertThat(catalog.openSshKeyword(Category.COMPRESSION)).isEmpty();
    }

    @Test
    void theRankingPutsSoundNamesFirstAndUnrankedNamesLast() {
        for (Category category : List.of(Category.KEX, Category.HOST_KEY, Category.CIPHER, Category.MAC)) {
            List<String> ranked = catalog.facts().strength().get(category);
            assertThat(catalog.verdict(category, ranked.get(0))).as(category.id()).isEqualTo(Verdict.OK);
            assertThat(catalog.verdict(category, ranked.get(ranked.size() - 1))).as(category.id())
                    .isNotEqualTo(Verdict.OK);
        }
        assertThat(catalog.rank(Category.KEX, "mlkem768x25519-sha256"))
                .isLessThan(catalog.rank(Category.KEX, "diffie-hellman-group1-sha1"))
                .isLessThan(catalog.rank(Category.KEX, "not-in-the-catalog"));
    }

    @Test
    void theOneCipherOpenToTerrapinByItselfIsOpenSshsChaCha20() {
        assertThat(catalog.entries().stream().filter(info -> info.has(Trait.TERRAPIN))
                .map(info -> info.category().id() + ":" + info.name()))
                .containsExactly("cipher:chacha20-poly1305@openssh.com");
    }

    @Test
    void aRankedNameThatIsNoEntryIsRefusedWithItsName() {
        Map<String, Object> root = yaml("""
                sources: {s: "RFC 1 §1"}
                strength: {kex: [no-such-kex]}
                kex:
                  - {name: real-kex, verdict: ok, reasons: [r], source: s}
                """);
        List<AlgorithmInfo> entries = CatalogReader.entries(root);
        assertThatThrownBy(() -> CatalogReader.facts(root, entries)).hasMessageContaining("no-such-kex");
    }

    @Test
    void aSignalEntryWithoutARoleIsRefused() {
        Map<String, Object> root = yaml("""
                sources: {s: "RFC 1 §1"}
                kex:
                  - {name: ext-info-x, kind: signal, verdict: ok, reasons: [r], source: s}
                """);
        assertThatThrownBy(() -> CatalogReader.entries(root)).hasMessageContaining("ext-info-x");
    }

    @Test
    void yamlSyntaxErrorsAreOneBasedWithProblemAndContext() {
        YAMLException e = null;
        try {
            new Yaml(new LoaderOptions()).compose(new java.io.StringReader("a: [1, 2\nb: c\n"));
        } catch (YAMLException thrown) {
            e = thrown;
        }
        YamlSyntaxError error = YamlSyntaxError.of(e);
        assertThat(error.located()).isTrue();
        assertThat(error.line()).isGreaterThanOrEqualTo(2);
        assertThat(error.column()).isPositive();
        assertThat(error.message()).contains("expected");
        assertThat(YamlSyntaxError.of(new YAMLException("limit\nmore")))
                .isEqualTo(new YamlSyntaxError(1, 1, "limit", false));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return new Yaml().load(text);
    }
}
