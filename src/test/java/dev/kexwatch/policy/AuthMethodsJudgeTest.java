package dev.kexwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kexwatch.policy.AuthMethodsJudge.AuthFinding;
import dev.kexwatch.testsupport.OfferFixtures;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code forbid-auth-method}: parsed with located errors, judged on login methods only, never on an offer. */
class AuthMethodsJudgeTest {

    private static final Policy KEYS_ONLY = ShippedPolicies.byId("mozilla-openssh-auth").orElseThrow();

    @Test
    void passwordAndKeyboardInteractiveAreFlaggedAndNoneAcceptedIsCritical() {
        assertThat(AuthMethodsJudge.judge(KEYS_ONLY, List.of("publickey"), false)).isEmpty();
        assertThat(AuthMethodsJudge.judge(KEYS_ONLY, List.of("publickey", "keyboard-interactive", "password"), false))
                .singleElement().satisfies(f -> {
                    assertThat(f.ruleId()).isEqualTo("mozilla-no-password-login");
                    assertThat(f.methods()).containsExactly("keyboard-interactive", "password");
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                });
        assertThat(AuthMethodsJudge.judge(KEYS_ONLY, List.of(), true)).extracting(AuthFinding::ruleId,
                AuthFinding::severity).containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "no-login-without-credentials", Severity.CRITICAL));
    }

    @Test
    void noneAcceptedIsACriticalBuiltInFindingUnlessARuleAlreadyReportedIt() {
        assertThat(AuthMethodsJudge.noneAccepted("baseline", false, List.of())).isEmpty();
        assertThat(AuthMethodsJudge.noneAccepted("baseline", true, List.of())).hasValueSatisfying(f -> {
            assertThat(f.ruleId()).isEqualTo(AuthMethodsJudge.NONE_ACCEPTED);
            assertThat(f.policyId()).isEqualTo("baseline");
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.methods()).containsExactly("none");
        });
        List<AuthFinding> byRule = AuthMethodsJudge.judge(KEYS_ONLY, List.of(), true);
        assertThat(AuthMethodsJudge.noneAccepted(KEYS_ONLY.id(), true, byRule)).isEmpty();
    }

    @Test
    void theOfferJudgeIgnoresLoginRulesAndBaselineHasNone() {
        Evaluation e = new PolicyEngine().evaluate(KEYS_ONLY, OfferFixtures.captured("openssh-legacy"),
                new HostRef("h", 22, Map.of()), LocalDate.of(2026, 12, 2));
        assertThat(e.findings()).isEmpty();
        assertThat(ShippedPolicies.all().policies()).flatExtracting(Policy::rules)
                .noneMatch(r -> r.check() instanceof Check.ForbidAuthMethod);
    }

    @Test
    void badMethodsAndACategoryAreLocatedErrors() {
        String yaml = """
                id: x
                version: "1"
                title: t
                rules:
                  - id: r
                    category: kex
                    forbid-auth-method: [password, "Pass Word"]
                    severity: high
                    rationale: r
                    source: s
                """;
        assertThatThrownBy(() -> new PolicyLoader().parse(yaml, "p.yaml")).isInstanceOf(PolicyException.class)
                .hasMessageContaining("p.yaml:6:")
                .hasMessageContaining("remove 'category'").hasMessageContaining("bad login method 'Pass Word'");
    }
}
