package dev.kexwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Glob;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.OpenSshServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The standard packs in {@code policies/packs/} against their documents' lists as transcribed in
 * {@code src/test/resources/packs/documents.yaml}, and real servers judged by each pack as the lists say they would.
 */
class PolicyPacksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final HostRef HOST = new HostRef("127.0.0.1", 22, Map.of());
    private static final AlgorithmCatalog CATALOG = AlgorithmCatalog.builtin();
    private static final Map<String, DocumentPack> DOCUMENTS = documents();

    /** One line of the fixture: a pack rule and the document's names for it. */
    record DocumentList(String rule, String check, List<String> names) {
    }

    record DocumentPack(String cite, List<String> transcribedFrom, List<DocumentList> lists) {
    }

    private static ProbeEngine engine;
    private final PolicyEngine policyEngine = new PolicyEngine();

    @BeforeAll
    static void start() {
        engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(5), 8, 256 * 1024));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void everyPackShipsLoadsAndHasADocumentFixture() {
        assertThat(PolicySet.load(Path.of("policies/packs")).policies()).extracting(Policy::id)
                .containsExactlyElementsOf(ShippedPolicies.PACKS);
        assertThat(ShippedPolicies.packs().policies()).extracting(Policy::id)
                .containsExactlyElementsOf(ShippedPolicies.PACKS);
        assertThat(DOCUMENTS.keySet()).containsExactlyInAnyOrderElementsOf(ShippedPolicies.PACKS);
        // the packs are opt-in: the service's directory listing does not descend into packs/
        assertThat(PolicySet.load(Path.of("policies")).policies()).extracting(Policy::id)
                .doesNotContainAnyElementsOf(ShippedPolicies.PACKS);
    }

    @Test
    void everyRuleCitesItsDocumentAndEveryPackHasAVersionedChangelog() {
        for (Policy pack : ShippedPolicies.packs().policies()) {
            DocumentPack document = DOCUMENTS.get(pack.id());
            assertThat(document.transcribedFrom()).as(pack.id()).isNotEmpty();
            assertThat(pack.changelog()).as(pack.id()).isNotEmpty();
            assertThat(pack.changelog().get(0).version()).isEqualTo(pack.version());
            assertThat(pack.rules()).as(pack.id()).allSatisfy(
                    rule -> assertThat(rule.source()).as(rule.id()).contains(document.cite()));
            assertThat(pack.selector().labels()).as(pack.id()).containsKey("standard");
        }
    }

    @Test
    void everyPackRuleEqualsItsDocumentsListInOrder() {
        for (Policy pack : ShippedPolicies.packs().policies()) {
            for (DocumentList list : DOCUMENTS.get(pack.id()).lists()) {
                Rule rule = pack.rule(list.rule()).orElseThrow(() -> new AssertionError(pack.id() + "/" + list.rule()));
                assertThat(rule.check().kind()).as(rule.id()).isEqualTo(list.check());
                List<String> names = rule.check() instanceof Check.ForbidAuthMethod auth ? auth.methods()
                        : globs(rule).stream().map(Glob::text).toList();
                assertThat(names).as(pack.id() + "/" + rule.id()).containsExactlyElementsOf(list.names());
            }
        }
    }

    @Test
    void everyLiteralNameInAPackIsInTheCatalogUnderTheRulesCategory() {
        List<String> missing = new ArrayList<>();
        for (Policy pack : ShippedPolicies.packs().policies()) {
            for (Rule rule : pack.rules()) {
                globs(rule).stream().filter(Glob::isLiteral)
                        .filter(g -> CATALOG.lookup(rule.category().orElseThrow(), g.text()).isEmpty())
                        .forEach(g -> missing.add(pack.id() + "/" + rule.id() + ": " + g));
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void debiansDefaultSshdIsJudgedByEveryPackAsItsDocumentWould() {
        try (OpenSshServer sshd = OpenSshServer.start()) {
            ServerOffer offer = probe(sshd.target());
            for (Policy pack : ShippedPolicies.packs().policies()) {
                assertJudgedAsTheDocumentWould(pack, offer);
            }
            // Debian 12's defaults: NIST and X25519 kex, chacha20, umac-64 and SHA-1 MACs
            assertThat(judge("mozilla-openssh-modern", offer).compliant()).isFalse();
            assertThat(judge("cis-ssh", offer).findings()).extracting(Finding::ruleId)
                    .containsExactly("cis-5.1.15-macs");
        }
    }

    @Test
    void sshdConfiguredWithMozillasModernLinesPassesMozillaOnly() {
        try (OpenSshServer sshd = OpenSshServer.start(
                "KexAlgorithms " + line("mozilla-openssh-modern", "mozilla-kex"),
                "Ciphers " + line("mozilla-openssh-modern", "mozilla-ciphers"),
                "MACs " + line("mozilla-openssh-modern", "mozilla-macs"))) {
            ServerOffer offer = probe(sshd.target());
            assertThat(judge("mozilla-openssh-modern", offer).findings()).isEmpty();
            assertThat(judge("cis-ssh", offer).findings()).extracting(Finding::ruleId)
                    .containsExactly("cis-5.1.15-macs"); // umac-128-etm is weak to CIS, fine to Mozilla
            ShippedPolicies.packs().policies().forEach(pack -> assertJudgedAsTheDocumentWould(pack, offer));
        }
    }

    @Test
    void sshdConfiguredFromBsiTablesPassesBsiAndFailsCnsaOnKeySizeFreeNames() {
        try (OpenSshServer sshd = OpenSshServer.start(
                "KexAlgorithms diffie-hellman-group-exchange-sha256,diffie-hellman-group16-sha512,"
                        + "ecdh-sha2-nistp384,ecdh-sha2-nistp256",
                "Ciphers aes256-ctr,aes192-ctr,aes128-ctr", "MACs hmac-sha2-512,hmac-sha2-256",
                "HostKeyAlgorithms ecdsa-sha2-nistp256")) {
            ServerOffer offer = probe(sshd.target());
            assertThat(judge("bsi-tr-02102-4", offer).findings()).isEmpty();
            assertThat(judge("cis-ssh", offer).findings()).isEmpty();
            Evaluation cnsa = judge("cnsa-ssh", offer);
            assertThat(cnsa.findings()).extracting(Finding::ruleId).contains("cnsa-encryption",
                    "cnsa-server-authentication", "cnsa2-ml-kem-1024");
            ShippedPolicies.packs().policies().forEach(pack -> assertJudgedAsTheDocumentWould(pack, offer));
        }
    }

    @Test
    void legacySshdBreaksEveryCisAlgorithmLine() {
        try (OpenSshServer sshd = OpenSshServer.start("KexAlgorithms +diffie-hellman-group1-sha1,"
                + "diffie-hellman-group14-sha1", "Ciphers +aes128-cbc,3des-cbc", "MACs +hmac-md5,hmac-sha1-96")) {
            ServerOffer offer = probe(sshd.target());
            Evaluation cis = judge("cis-ssh", offer);
            assertThat(cis.findings()).extracting(Finding::ruleId).containsExactly("cis-5.1.6-ciphers",
                    "cis-5.1.12-kex", "cis-5.1.15-macs");
            ShippedPolicies.packs().policies().forEach(pack -> assertJudgedAsTheDocumentWould(pack, offer));
        }
    }

    @Test
    void minaWithP384AndAes256GcmPassesCnsaKexAndHostKeyButNotItsAeadNames() {
        MinaSshServer.Algorithms algorithms = new MinaSshServer.Algorithms(List.of("ecdh-sha2-nistp384"),
                List.of("ecdsa-sha2-nistp384"), List.of("aes256-gcm@openssh.com"), List.of("hmac-sha2-512"));
        try (MinaSshServer mina = MinaSshServer.start(algorithms)) {
            ServerOffer offer = probe(mina.target());
            Evaluation cnsa = judge("cnsa-ssh", offer);
            // RFC 9212 names AEAD_AES_256_GCM only: OpenSSH's name for the same mode is not on its list
            assertThat(cnsa.findings()).extracting(Finding::ruleId).containsExactly("cnsa-encryption", "cnsa-mac",
                    "cnsa2-ml-kem-1024", "something-acceptable", "something-acceptable");
            assertThat(cnsa.findings()).filteredOn(f -> f.ruleId().equals("something-acceptable"))
                    .extracting(Finding::category).containsExactly(Category.CIPHER, Category.MAC);
            ShippedPolicies.packs().policies().forEach(pack -> assertJudgedAsTheDocumentWould(pack, offer));
        }
    }

    private Evaluation judge(String packId, ServerOffer offer) {
        return policyEngine.evaluate(ShippedPolicies.byId(packId).orElseThrow(), offer, HOST, TODAY);
    }

    /** Every list rule's offending names equal what the document's own list picks out of the offer. */
    private void assertJudgedAsTheDocumentWould(Policy pack, ServerOffer offer) {
        Evaluation evaluation = policyEngine.evaluate(pack, offer, HOST, TODAY);
        for (DocumentList list : DOCUMENTS.get(pack.id()).lists()) {
            Rule rule = pack.rule(list.rule()).orElseThrow();
            if (rule.category().isEmpty()) {
                continue; // login-method rules are judged on the auth probe, never on an offer (AuthMethodsJudgeTest)
            }
            Set<String> flagged = new LinkedHashSet<>();
            evaluation.findings().stream().filter(f -> f.ruleId().equals(rule.id()))
                    .forEach(f -> flagged.addAll(f.names()));
            assertThat(flagged).as(pack.id() + "/" + rule.id() + " on " + offer)
                    .containsExactlyElementsOf(documentVerdict(list, rule, offer));
        }
    }

    /** The names of the offer the document rejects, computed from the fixture's list, not from the pack. */
    private static Set<String> documentVerdict(DocumentList list, Rule rule, ServerOffer offer) {
        Set<String> rejected = new LinkedHashSet<>();
        for (String name : offered(rule, offer)) {
            boolean listed = list.names().stream().anyMatch(pattern -> Glob.matches(pattern, name));
            if (list.check().equals("forbid") == listed) {
                rejected.add(name);
            }
        }
        return rejected;
    }

    private static List<String> offered(Rule rule, ServerOffer offer) {
        return Stream.of(KexList.values()).filter(l -> l.category().equals(rule.category().orElseThrow()))
                .flatMap(l -> offer.get(l).stream()).distinct()
                .filter(name -> !CATALOG.isSignal(rule.category().orElseThrow(), name)).toList();
    }

    private static String line(String packId, String ruleId) {
        return DOCUMENTS.get(packId).lists().stream().filter(l -> l.rule().equals(ruleId)).findFirst().orElseThrow()
                .names().stream().reduce((a, b) -> a + "," + b).orElseThrow();
    }

    private ServerOffer probe(Target target) {
        ProbeResult result = engine.probe(target).join();
        assertThat(result.outcome()).as(result.detail()).isEqualTo(ProbeOutcome.OK);
        return result.offer().orElseThrow();
    }

    private static List<Glob> globs(Rule rule) {
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

    @SuppressWarnings("unchecked")
    private static Map<String, DocumentPack> documents() {
        try (InputStream in = PolicyPacksTest.class.getResourceAsStream("/packs/documents.yaml")) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, DocumentPack> packs = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) root.get("packs")).forEach((id, pack) -> packs.put(id,
                    new DocumentPack((String) pack.get("cite"), (List<String>) pack.get("transcribedFrom"),
                            ((List<Map<String, Object>>) pack.get("lists")).stream()
                                    .map(l -> new DocumentList((String) l.get("rule"), (String) l.get("check"),
                                            (List<String>) l.get("names")))
                                    .toList())));
            return packs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
