package dev.kexwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad-input case reports file, line, column and a plain message; good input gives the full model. */
class PolicyLoaderTest {

    private static final String HEAD = "id: p\nversion: '1'\ntitle: t\nrules:\n";
    private static final String RULE_TAIL = "    severity: high\n    rationale: r\n    source: s\n";

    private final PolicyLoader loader = new PolicyLoader();

    private static List<PolicyProblem> problems(String yaml) {
        PolicyException e = catchThrowableOfType(PolicyException.class,
                () -> new PolicyLoader().parse(yaml, "bad.yaml"));
        assertThat(e).as("expected a PolicyException").isNotNull();
        return e.problems();
    }

    @Test
    void readsTheWholeLanguage() {
        Policy p = loader.parse("""
                id: full
                version: "2.1"
                title: Full example
                changelog:
                  - {version: "2.1", date: 2025-05-01, changes: Added MACs.}
                selector:
                  labels: {env: prod}
                rules:
                  - id: r1
                    category: mac
                    direction: s2c
                    forbid: ["hmac-md5*"]
                    severity: critical
                    rationale: MD5
                    source: RFC 6151 §2.3
                    remediation: Drop MD5.
                waivers:
                  - {rule: r1, host: 10.0.0.1, reason: old box, expires: 2026-01-31}
                """, "full.yaml");
        assertThat(p.id()).isEqualTo("full");
        assertThat(p.version()).isEqualTo("2.1");
        assertThat(p.changelog()).singleElement()
                .satisfies(c -> assertThat(c.date()).hasValue(LocalDate.of(2025, 5, 1)));
        assertThat(p.appliesTo(new HostRef("h", 22, Map.of("env", "prod")))).isTrue();
        assertThat(p.appliesTo(new HostRef("h", 22, Map.of("env", "test")))).isFalse();
        Rule rule = p.rules().get(0);
        assertThat(rule.category()).hasValue(Category.MAC);
        assertThat(rule.directions()).containsExactly(Direction.S2C);
        assertThat(rule.check()).isInstanceOf(Check.Forbid.class);
        assertThat(rule.remediation()).hasValue("Drop MD5.");
        assertThat(p.waivers()).singleElement().satisfies(w -> {
            assertThat(w.host()).hasValue("10.0.0.1");
            assertThat(w.expires()).isEqualTo(LocalDate.of(2026, 1, 31));
        });
        assertThat(p.source()).isEqualTo("full.yaml");
    }

    @Test
    void yamlSyntaxErrorNamesWhereTheParserStopped() {
        assertThat(problems(HEAD + "  - id: r1\n    forbid: [aes128-cbc\n    severity: high\n"))
                .singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo("bad.yaml");
                    assertThat(p.line()).isEqualTo(7);
                    assertThat(p.column()).isEqualTo(13);
                    assertThat(p.message()).startsWith("YAML syntax: ");
                });
    }

    @Test
    void unknownKeySuggestsTheNearestAllowedOne() {
        assertThat(problems(HEAD + "  - id: r1\n    category: kex\n    forbid: [x]\n    sevrity: high\n"
                + "    rationale: r\n    source: s\n"))
                .extracting(PolicyProblem::toString)
                .contains("bad.yaml:8:5: unknown key 'sevrity' in rule (did you mean 'severity'?); allowed keys: id,"
                        + " category, direction, forbid, allow-only, require-one-of, forbid-verdict, check,"
                        + " forbid-auth-method, severity, rationale, source, remediation, min-key-bits, key-type,"
                        + " min-group-bits, cert-ca-min-bits, cert-expires-within-days");
    }

    @Test
    void badGlobIsPointedAtItsListEntry() {
        assertThat(problems(HEAD + "  - id: r1\n    category: cipher\n    forbid: [aes128-ctr, \"*-cbc,*-ecb\"]\n"
                + RULE_TAIL)).extracting(PolicyProblem::toString).containsExactly("bad.yaml:7:26: bad glob '*-cbc,*-ecb':"
                        + " character ',' cannot occur in an SSH algorithm name (only letters, digits, @ . _ + / = -"
                        + " and the wildcards * and ?)");
    }

    @Test
    void unknownCategoryListsTheValidOnes() {
        assertThat(problems(HEAD + "  - id: r1\n    category: ciphers\n    forbid: [x]\n" + RULE_TAIL))
                .extracting(PolicyProblem::toString).containsExactly("bad.yaml:6:15: unknown category 'ciphers' (did you"
                        + " mean 'cipher'?): use one of kex, hostkey, cipher, mac, compression");
    }

    @Test
    void badSeverityListsTheValidOnes() {
        assertThat(problems(HEAD + "  - id: r1\n    category: kex\n    forbid: [x]\n    severity: severe\n"
                + "    rationale: r\n    source: s\n")).extracting(PolicyProblem::toString)
                .containsExactly("bad.yaml:8:15: bad severity 'severe': use one of info, low, medium, high, critical");
    }

    @Test
    void badDateSaysWhatFormatIsExpected() {
        String yaml = HEAD + "  - id: r1\n    category: kex\n    forbid: [x]\n" + RULE_TAIL
                + "waivers:\n  - rule: r1\n    host: 10.0.0.1\n    reason: r\n    expires: 2025-13-01\n";
        assertThat(problems(yaml)).extracting(PolicyProblem::toString).containsExactly(
                "bad.yaml:15:14: bad date '2025-13-01' for 'expires': expected YYYY-MM-DD, a real calendar date");
    }

    @Test
    void everyProblemOfAFileIsReportedInFileOrder() {
        String yaml = """
                id: p
                version: '1'
                title: t
                colour: blue
                rules:
                  - id: r1
                    category: kex
                    direction: c2s
                    forbid: [x]
                    severity: high
                    rationale: r
                    source: s
                  - id: r1
                    category: mac
                    forbid-verdict: [awful]
                    severity: low
                    rationale: r
                    source: s
                  - id: r3
                    check: terapin
                    severity: low
                    rationale: r
                    source: s
                waivers:
                  - rule: r9
                    reason: none given
                    expires: 2025-01-01
                """;
        assertThat(problems(yaml)).extracting(PolicyProblem::toString).containsExactly(
                "bad.yaml:4:1: unknown key 'colour' in policy; allowed keys: id, version, title, description,"
                        + " changelog, selector, rules, waivers",
                "bad.yaml:8:16: direction does not apply to category kex: the kex and host key lists are the same for"
                        + " both directions (RFC 4253 §7.1)",
                "bad.yaml:15:22: bad verdict 'awful': use weak, insecure or unknown",
                "bad.yaml:20:12: unknown check 'terapin' (did you mean 'terrapin'?): use one of"
                        + " terrapin, nothing-acceptable, ssh1-only, ssh1-enabled, host-key-signatures",
                "bad.yaml:25:5: a waiver needs 'host' or 'labels' to say which hosts it covers",
                "bad.yaml:25:11: waiver names rule 'r9', which this policy does not have");
    }

    @Test
    void duplicateRuleIdsAndMissingKeysAreReported() {
        String yaml = HEAD + "  - id: r1\n    category: kex\n    forbid: [x]\n" + RULE_TAIL
                + "  - id: r1\n    category: kex\n    forbid: [y]\n" + RULE_TAIL + "  - id: r2\n    category: kex\n";
        assertThat(problems(yaml)).extracting(PolicyProblem::toString).containsExactly(
                "bad.yaml:11:5: duplicate rule id 'r1'",
                "bad.yaml:17:5: a rule needs exactly one of forbid, allow-only, require-one-of, forbid-verdict, check,"
                        + " forbid-auth-method, min-key-bits, min-group-bits, cert-ca-min-bits, cert-expires-within-days",
                "bad.yaml:17:5: rule is missing 'severity'",
                "bad.yaml:17:5: rule is missing 'rationale'",
                "bad.yaml:17:5: rule is missing 'source'");
    }

    @Test
    void emptyFileAndNonMappingAreRefused() {
        assertThat(problems("")).extracting(PolicyProblem::toString)
                .containsExactly("bad.yaml:1:1: empty policy: expected id, version, title and rules");
        assertThat(problems("- just\n- a list\n")).extracting(PolicyProblem::toString)
                .contains("bad.yaml:1:1: policy must be a mapping of key: value");
    }

    @Test
    void exceptionMessageIsOneProblemPerLine() {
        assertThatThrownBy(() -> loader.parse(HEAD + "  - id: r1\n    category: kex\n    forbid: [x]\n"
                + "    severity: sev\n    rationale: r\n    source: s\n    extra: 1\n", "posted policy"))
                .isInstanceOf(PolicyException.class)
                .hasMessage("posted policy:8:15: bad severity 'sev': use one of info, low, medium, high, critical\n"
                        + "posted policy:11:5: unknown key 'extra' in rule; allowed keys: id, category, direction,"
                        + " forbid, allow-only, require-one-of, forbid-verdict, check, forbid-auth-method, severity,"
                        + " rationale, source, remediation, min-key-bits, key-type, min-group-bits, cert-ca-min-bits,"
                        + " cert-expires-within-days");
    }

    @Test
    void loadDirectoryReadsYamlFilesAndCollectsProblemsOfAllFiles(@TempDir Path dir) throws IOException {
        String good = HEAD + "  - id: r1\n    category: kex\n    forbid: [x]\n" + RULE_TAIL;
        Files.writeString(dir.resolve("a.yaml"), good);
        Files.writeString(dir.resolve("b.yml"), good.replace("id: p", "id: q"));
        Files.writeString(dir.resolve("README.md"), "not a policy");
        assertThat(loader.loadDirectory(dir)).extracting(Policy::id).containsExactly("p", "q");

        Files.writeString(dir.resolve("c.yaml"), good.replace("severity: high", "severity: hi"));
        Files.writeString(dir.resolve("d.yaml"), good.replace("category: kex", "category: kx"));
        PolicyException e = catchThrowableOfType(PolicyException.class, () -> loader.loadDirectory(dir));
        assertThat(e.problems()).extracting(p -> Path.of(p.file()).getFileName().toString() + ":" + p.line() + ":"
                + p.column()).containsExactly("c.yaml:8:15", "d.yaml:6:15");
    }

    @Test
    void policySetRefusesDuplicateIdsAndPicksPoliciesBySelector(@TempDir Path dir) throws IOException {
        String rules = "rules:\n  - id: r1\n    category: kex\n    forbid: [x]\n" + RULE_TAIL;
        Files.writeString(dir.resolve("all.yaml"), "id: all\nversion: '1'\ntitle: t\n" + rules);
        Files.writeString(dir.resolve("prod.yaml"),
                "id: prod\nversion: '1'\ntitle: t\nselector:\n  labels: {env: prod}\n" + rules);
        PolicySet set = PolicySet.load(dir);
        assertThat(set.applicableTo(new HostRef("h", 22, Map.of("env", "prod")))).extracting(Policy::id)
                .containsExactly("all", "prod");
        assertThat(set.applicableTo(new HostRef("h", 22, Map.of()))).extracting(Policy::id).containsExactly("all");
        assertThat(set.byId("prod")).isPresent();
        assertThat(set.byId("nope")).isEqualTo(Optional.empty());

        Files.writeString(dir.resolve("copy.yaml"), "id: all\nversion: '2'\ntitle: t\n" + rules);
        assertThatThrownBy(() -> PolicySet.load(dir)).isInstanceOf(PolicyException.class)
                .hasMessageContaining("policy id 'all' is already used by");
    }
}
