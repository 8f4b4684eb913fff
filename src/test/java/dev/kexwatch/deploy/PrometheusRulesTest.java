package dev.kexwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert rules against Debian's promtool: syntax, and unit tests of each alert on synthetic series. */
class PrometheusRulesTest {

    static final Path RULES = Tool.ROOT.resolve("helm/kexwatch/files/prometheus/kexwatch-rules.yaml");
    private static final Path RULE_TESTS = Tool.ROOT.resolve("src/test/resources/monitoring/kexwatch-rules-test.yaml");

    @Test
    void rulesPassPromtoolCheck() {
        Tool check = Tool.run(Tool.ROOT, "promtool", "check", "rules", RULES.toString());

        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 12 rules found");
    }

    @Test
    void everyAlertBehavesAsItsUnitTestSays() {
        Tool test = Tool.run(RULE_TESTS.getParent(), "promtool", "test", "rules", RULE_TESTS.getFileName().toString());

        assertThat(test.exit()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void theAlertsOfTheIssuesAndThePolicyLoadAlertExist() {
        List<Map<String, Object>> groups = Yaml.at(Yaml.read(RULES), "groups");
        List<Object> alerts = groups.stream().flatMap(g -> Yaml.<List<Map<String, Object>>>at(g, "rules").stream())
                .map(rule -> rule.get("alert")).filter(a -> a != null).toList();

        assertThat(alerts).containsExactlyInAnyOrder("KexwatchWeakAlgorithmAppeared", "KexwatchComplianceDropped",
                "KexwatchScanStale", "KexwatchProbeFailuresSpiking", "KexwatchPolicyLoadFailed",
                "KexwatchHostKeyChanged", "KexwatchSharedHostKey", "KexwatchWeakHostKey",
                "KexwatchPasswordLoginAppeared");
    }

    @Test
    void promtoolRejectsABrokenExpression(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(RULES).replace("max(kexwatch_hosts_weak_appeared) > 0",
                "max(kexwatch_hosts_weak_appeared > 0"));

        Tool check = Tool.run(dir, "promtool", "check", "rules", broken.toString());

        assertThat(check.exit()).isNotZero();
        assertThat(check.output()).contains("unclosed left parenthesis");
    }
}
