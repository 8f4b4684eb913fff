package dev.kexwatch.policy;

import static dev.kexwatch.testsupport.OfferFixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.ServerOffer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rule kind, directions, globs and remediation, on hand-made offers where the point needs one. */
class PolicyEngineTest {

    static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    static final HostRef HOST = new HostRef("127.0.0.1", 22, Map.of("env", "prod"));

    private final PolicyEngine engine = new PolicyEngine();

    static Policy policy(String rulesYaml) {
        return new PolicyLoader().parse("id: t\nversion: '1'\ntitle: test\nrules:\n" + rulesYaml, "test.yaml");
    }

    private Evaluation evaluate(String rulesYaml, ServerOffer offer) {
        return engine.evaluate(policy(rulesYaml), offer, HOST, TODAY);
    }

    private static final ServerOffer MIXED = offer(
            "curve25519-sha256,diffie-hellman-group14-sha1,diffie-hellman-group1-sha1,ext-info-s,kex-strict-s-v00@openssh.com",
            "ssh-ed25519,ssh-rsa", "aes128-ctr,aes128-cbc,3des-cbc", "hmac-sha2-256-etm@openssh.com,hmac-sha1",
            "none,zlib@openssh.com");

    @Test
    void forbidGlobFlagsMatchingNamesInHostOrderWithEvidenceAndRemediation() {
        Evaluation e = evaluate("""
                  - id: no-sha1-kex
                    category: kex
                    forbid: ["*-sha1"]
                    severity: high
                    rationale: SHA-1
                    source: RFC 9142 §4
                """, MIXED);
        Finding f = e.findings().get(0);
        assertThat(e.findings()).hasSize(1);
        assertThat(f.names()).containsExactly("diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1");
        assertThat(f.evidence()).isEqualTo(MIXED.get(dev.kexwatch.algorithm.KexList.KEX));
        assertThat(f.category()).isEqualTo(Category.KEX);
        assertThat(f.direction()).isEmpty();
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.source()).isEqualTo("RFC 9142 §4");
        assertThat(f.remediation()).isEqualTo("KexAlgorithms curve25519-sha256");
        assertThat(e.compliant()).isFalse();
        assertThat(e.worst()).hasValue(Severity.HIGH);
    }

    @Test
    void allowOnlyFlagsEverythingElseButNeverSignalNames() {
        Evaluation e = evaluate("""
                  - id: kex-allow
                    category: kex
                    allow-only: [curve25519-sha256]
                    severity: medium
                    rationale: modern only
                    source: opinion (kexwatch)
                """, MIXED);
        assertThat(e.findings()).singleElement().satisfies(f -> assertThat(f.names())
                .containsExactly("diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1"));
    }

    @Test
    void requireOneOfFlagsTheMissingNamesAndSuggestsAddingThemFirst() {
        String rule = """
                  - id: pq
                    category: kex
                    require-one-of: [mlkem768x25519-sha256, "sntrup761x25519-*"]
                    severity: low
                    rationale: post-quantum
                    source: OpenSSH 10.0 release notes
                    remediation: Upgrade to OpenSSH 9.9.
                """;
        Finding f = evaluate(rule, MIXED).findings().get(0);
        assertThat(f.names()).containsExactly("mlkem768x25519-sha256", "sntrup761x25519-*");
        assertThat(f.remediation()).isEqualTo("# Upgrade to OpenSSH 9.9.\nKexAlgorithms mlkem768x25519-sha256,"
                + "curve25519-sha256,diffie-hellman-group14-sha1,diffie-hellman-group1-sha1");
        ServerOffer pq = offer("sntrup761x25519-sha512@openssh.com,curve25519-sha256", "ssh-ed25519", "aes128-ctr",
                "hmac-sha2-256", "none");
        assertThat(evaluate(rule, pq).compliant()).isTrue();
    }

    @Test
    void forbidVerdictUsesTheCatalogAndCatchesUnknownNames() {
        ServerOffer offer = offer("curve25519-sha256", "ssh-ed25519",
                "aes128-ctr,3des-cbc,aes128-cbc,rot13@example.com", "hmac-sha2-256", "none");
        Evaluation e = evaluate("""
                  - id: no-bad-ciphers
                    category: cipher
                    forbid-verdict: [insecure, unknown]
                    severity: high
                    rationale: catalog says so
                    source: kexwatch catalog
                """, offer);
        assertThat(e.findings()).singleElement()
                .satisfies(f -> assertThat(f.names()).containsExactly("3des-cbc", "rot13@example.com"));
        assertThat(e.unknownNames()).containsExactly("cipher_c2s:rot13@example.com", "cipher_s2c:rot13@example.com");
    }

    @Test
    void bothDirectionsAreJudgedAndAFindingPerDirectionWhenTheyDiffer() {
        ServerOffer asymmetric = ServerOffer.fromRaw(List.of("curve25519-sha256", "ssh-ed25519",
                "aes128-ctr,aes128-cbc", "aes128-ctr", "hmac-sha2-256", "hmac-sha2-256,hmac-md5", "none", "none", "",
                ""));
        Evaluation e = evaluate("""
                  - id: no-cbc
                    category: cipher
                    forbid: ["*-cbc"]
                    severity: medium
                    rationale: CBC
                    source: RFC 4344
                  - id: no-md5
                    category: mac
                    forbid: ["hmac-md5*"]
                    severity: high
                    rationale: MD5
                    source: RFC 6151
                """, asymmetric);
        assertThat(e.findings()).extracting(Finding::ruleId, Finding::direction)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("no-cbc", Optional.of(Direction.C2S)),
                        org.assertj.core.groups.Tuple.tuple("no-md5", Optional.of(Direction.S2C)));
    }

    @Test
    void aDirectionRestrictedRuleJudgesOnlyItsList() {
        ServerOffer asymmetric = ServerOffer.fromRaw(List.of("curve25519-sha256", "ssh-ed25519", "aes128-cbc",
                "aes128-ctr", "hmac-sha2-256", "hmac-sha2-256", "none", "none", "", ""));
        String rule = """
                  - id: no-cbc-s2c
                    category: cipher
                    direction: %s
                    forbid: ["*-cbc"]
                    severity: medium
                    rationale: CBC
                    source: RFC 4344
                """;
        assertThat(evaluate(rule.formatted("s2c"), asymmetric).compliant()).isTrue();
        assertThat(evaluate(rule.formatted("c2s"), asymmetric).findings()).singleElement()
                .satisfies(f -> assertThat(f.direction()).hasValue(Direction.C2S));
    }

    @Test
    void identicalDirectionsFoldIntoOneFindingAndRemediationDropsEveryRejectedName() {
        Evaluation e = evaluate("""
                  - id: no-cbc
                    category: cipher
                    forbid: ["*-cbc"]
                    severity: medium
                    rationale: CBC
                    source: RFC 4344
                  - id: no-3des
                    category: cipher
                    forbid: ["3des-*"]
                    severity: high
                    rationale: Sweet32
                    source: CVE-2016-2183
                """, MIXED);
        assertThat(e.findings()).hasSize(2).allSatisfy(f -> {
            assertThat(f.direction()).isEmpty();
            assertThat(f.remediation()).isEqualTo("Ciphers aes128-ctr");
        });
    }

    @Test
    void nothingAcceptableFiresWhenTheOtherRulesLeaveAListEmpty() {
        ServerOffer legacyOnly = offer("diffie-hellman-group1-sha1,ext-info-s", "ssh-ed25519", "aes128-ctr",
                "hmac-sha2-256", "none");
        Evaluation e = evaluate("""
                  - id: no-group1
                    category: kex
                    forbid: [diffie-hellman-group1-sha1]
                    severity: high
                    rationale: 1024-bit
                    source: RFC 9142 §4
                  - id: something-left
                    check: nothing-acceptable
                    severity: critical
                    rationale: no compliant client can connect
                    source: RFC 4253 §7.1
                """, legacyOnly);
        assertThat(e.findings()).extracting(Finding::ruleId).containsExactly("no-group1", "something-left");
        Finding empty = e.findings().get(1);
        assertThat(empty.category()).isEqualTo(Category.KEX);
        assertThat(empty.names()).containsExactly("diffie-hellman-group1-sha1");
        assertThat(empty.remediation()).startsWith("# nothing the host offers for kex is acceptable");
    }

    @Test
    void nothingAcceptableSparesTheMacListWhenAnAeadCipherIsKept() {
        String rules = """
                  - id: no-sha1-mac
                    category: mac
                    forbid: ["hmac-sha1*"]
                    severity: medium
                    rationale: SHA-1
                    source: opinion (kexwatch)
                  - id: something-left
                    check: nothing-acceptable
                    severity: critical
                    rationale: connectable
                    source: RFC 4253 §7.1
                """;
        ServerOffer aead = offer("curve25519-sha256", "ssh-ed25519", "aes256-gcm@openssh.com", "hmac-sha1", "none");
        ServerOffer ctr = offer("curve25519-sha256", "ssh-ed25519", "aes256-ctr", "hmac-sha1", "none");
        assertThat(evaluate(rules, aead).findings()).extracting(Finding::ruleId).containsExactly("no-sha1-mac");
        assertThat(evaluate(rules, ctr).findings()).extracting(Finding::ruleId)
                .containsExactly("no-sha1-mac", "something-left");
    }

    @Test
    void compressionRemediationUsesSshdsCompressionKeyword() {
        Evaluation e = evaluate("""
                  - id: no-preauth-zlib
                    category: compression
                    forbid: [zlib]
                    severity: low
                    rationale: pre-auth
                    source: OpenSSH 7.4 release notes
                """, offer("curve25519-sha256", "ssh-ed25519", "aes128-ctr", "hmac-sha2-256",
                "zlib,zlib@openssh.com,none"));
        assertThat(e.findings()).singleElement().satisfies(f -> assertThat(f.remediation())
                .isEqualTo("Compression delayed"));
    }
}
