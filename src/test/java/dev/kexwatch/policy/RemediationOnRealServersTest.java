package dev.kexwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.ServerSoftware;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.Release;
import dev.kexwatch.negotiation.ReleaseCatalog;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.DropbearServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.TinySshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's "done when": Debian's real sshd with a legacy configuration takes kexwatch's remediation exactly as the
 * README says (the drop-in file in the directory sshd_config includes first), passes {@code sshd -t}, restarts, and
 * is then compliant under every policy in force at once; Dropbear and tinysshd get advice, never sshd_config.
 */
class RemediationOnRealServersTest {

    /** What an old installation typically still carries; every line here breaks baseline, and some rfc9142. */
    private static final String[] LEGACY = {"KexAlgorithms +diffie-hellman-group1-sha1,diffie-hellman-group14-sha1,"
            + "diffie-hellman-group-exchange-sha1", "Ciphers +aes128-cbc,3des-cbc", "MACs +hmac-md5,hmac-sha1-96",
        "HostKeyAlgorithms +ssh-rsa", "Compression yes"};
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

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

    private static ProbeResult probe(Target target) {
        ProbeResult result = engine.probe(target).join();
        assertThat(result.outcome()).as(result.detail()).isEqualTo(ProbeOutcome.OK);
        return result;
    }

    private static HostRemediation remediation(List<Policy> policies, ProbeResult result) {
        return HostRemediation.of(policies, result.offer().orElseThrow(),
                result.identification().orElseThrow().softwareVersion());
    }

    private List<Evaluation> judge(List<Policy> policies, ProbeResult result, HostRef host) {
        return policyEngine.evaluateAll(policies, result.offer(), "2.0", host, TODAY);
    }

    /** Where the README says the drop-in goes, with the include directory standing in for /etc/ssh/sshd_config.d. */
    private static void install(OpenSshServer sshd, String dropIn) throws IOException {
        String name = Path.of(HostRemediation.DROP_IN).getFileName().toString();
        Files.writeString(sshd.includeDir().resolve(name), dropIn);
    }

    @Test
    void legacySshdIsCompliantUnderEveryShippedPolicyAtOnceAfterTheDropIn() throws IOException {
        HostRef host = new HostRef("127.0.0.1", 22, Map.of("profile", "hardened"));
        List<Policy> inForce = ShippedPolicies.all().applicableTo(host);
        assertThat(inForce).hasSize(3);
        try (OpenSshServer sshd = OpenSshServer.startWithIncludeDir(LEGACY)) {
            ProbeResult before = probe(sshd.target());
            assertThat(judge(inForce, before, host)).allSatisfy(e -> assertThat(e.compliant()).isFalse());
            HostRemediation remediation = remediation(inForce, before);
            assertThat(remediation.server()).isEqualTo(ServerSoftware.Kind.OPENSSH);

            install(sshd, remediation.sshdConfig().orElseThrow());
            assertThat(sshd.configTest()).as("sshd -t").isTrue();
            sshd.restart();

            assertThat(judge(inForce, probe(sshd.target()), host))
                    .allSatisfy(e -> assertThat(e.findings()).as(e.policyId()).isEmpty());
        }
    }

    @Test
    void appendedLinesChangeNothingWhileTheIncludedDropInMakesTwoPoliciesHappy() throws IOException {
        HostRef host = new HostRef("127.0.0.1", 22, Map.of());
        List<Policy> inForce = ShippedPolicies.all().applicableTo(host);
        assertThat(inForce).extracting(Policy::id).containsExactly("baseline", "rfc9142");
        try (OpenSshServer sshd = OpenSshServer.startWithIncludeDir(LEGACY)) {
            ProbeResult before = probe(sshd.target());
            String dropIn = remediation(inForce, before).sshdConfig().orElseThrow();
            assertThat(dropIn).doesNotContain("diffie-hellman-group14-sha1");

            // what the issue saw: sshd keeps the first value of a keyword, so lines appended at the end do nothing
            Path config = sshd.includeDir().getParent().resolve("sshd_config");
            Files.writeString(config, dropIn, StandardOpenOption.APPEND);
            sshd.restart();
            List<Evaluation> appended = judge(inForce, probe(sshd.target()), host);
            assertThat(appended).allSatisfy(e -> assertThat(e.compliant()).isFalse());

            install(sshd, dropIn);
            assertThat(sshd.configTest()).as("sshd -t").isTrue();
            sshd.restart();
            assertThat(judge(inForce, probe(sshd.target()), host))
                    .allSatisfy(e -> assertThat(e.findings()).as(e.policyId()).isEmpty());
        }
    }

    @Test
    void dropbearAndTinysshdGetAdviceAndNoSshdConfig() {
        List<Policy> all = ShippedPolicies.all().policies();
        try (DropbearServer dropbear = DropbearServer.start(); TinySshServer tinysshd = TinySshServer.start()) {
            HostRemediation d = remediation(all, probe(dropbear.target()));
            assertThat(d.server()).isEqualTo(ServerSoftware.Kind.DROPBEAR);
            assertThat(d.sshdConfig()).isEqualTo(Optional.empty());
            assertThat(d.advice()).contains("localoptions.h").doesNotContain("sshd_config");

            HostRemediation t = remediation(all, probe(tinysshd.target()));
            assertThat(t.server()).isEqualTo(ServerSoftware.Kind.TINYSSH);
            assertThat(t.sshdConfig()).isEmpty();
            assertThat(t.advice()).contains("tinysshd").doesNotContain("sshd_config");
        }
    }

    @Test
    void dropbearIsToldWhichReleaseDropsWhatThePoliciesRejectAndThatReleaseIndeedLacksIt() {
        List<Policy> all = ShippedPolicies.all().policies();
        try (DropbearServer dropbear = DropbearServer.start()) {
            ProbeResult result = probe(dropbear.target());
            HostRemediation remediation = remediation(all, result);
            String upgrade = remediation.advice().lines().filter(l -> l.startsWith("Or upgrade Dropbear to "))
                    .findFirst().orElseThrow(() -> new AssertionError(remediation.advice()));
            Matcher m = Pattern.compile("^Or upgrade Dropbear to (\\S+) or later: its default build no longer offers "
                    + "(.+) \\(catalogue entry (\\S+), read at its source\\)\\.$").matcher(upgrade);
            assertThat(m.matches()).as(upgrade).isTrue();
            Release target = ReleaseCatalog.builtIn().find(m.group(3)).orElseThrow();
            assertThat(target.version()).startsWith(m.group(1));
            assertThat(target.unverified()).as("only a release read at its source is recommended").isEmpty();
            List<String> names = List.of(m.group(2).split(", "));
            // Debian 12's dropbear 2022.83 still offers SHA-1 (hmac-sha1, group14-sha1, ssh-rsa); 2025.87 dropped it.
            assertThat(names).contains("hmac-sha1", "diffie-hellman-group14-sha1", "ssh-rsa");
            ServerOffer offered = result.offer().orElseThrow();
            for (String name : names) {
                assertThat(ClientProfile.NEGOTIATED).as(name + " offered today")
                        .anyMatch(list -> offered.get(list).contains(name));
                assertThat(ClientProfile.NEGOTIATED).as(name + " gone in " + target.id())
                        .noneMatch(list -> target.get(list).contains(name));
            }
            assertThat(remediation.advice()).doesNotContain("sshd_config");
        }
    }

    @Test
    void eachFindingOnTheRealDropbearIsABuildOptionOrAnUpgradeWhoseEntryLacksTheName() {
        List<Policy> all = ShippedPolicies.all().policies();
        try (DropbearServer dropbear = DropbearServer.start()) {
            ProbeResult result = probe(dropbear.target());
            String software = result.identification().orElseThrow().softwareVersion();
            List<Finding> findings = policyEngine.evaluateAll(all, result.offer(), "2.0", software,
                    new HostRef(dropbear.target().host(), dropbear.target().port(), Map.of()), TODAY).stream()
                    .flatMap(e -> e.findings().stream()).toList();
            assertThat(findings).isNotEmpty();
            Pattern upgrade = Pattern.compile("/\\* or upgrade Dropbear to (\\S+) or later: its default build no "
                    + "longer offers (.+) \\(catalogue entry (\\S+)\\) \\*/");
            int upgrades = 0;
            for (Finding finding : findings) {
                assertThat(finding.remediation()).as(finding.ruleId()).startsWith(DropbearRemedy.HEADER)
                        .doesNotContainPattern("(?m)^(KexAlgorithms|HostKeyAlgorithms|Ciphers|MACs|Compression) ");
                Matcher m = upgrade.matcher(finding.remediation());
                while (m.find()) {
                    upgrades++;
                    Release target = ReleaseCatalog.builtIn().find(m.group(3)).orElseThrow();
                    for (String name : m.group(2).split(", ")) {
                        assertThat(ClientProfile.NEGOTIATED).as(name + " offered by the real daemon")
                                .anyMatch(list -> result.offer().orElseThrow().get(list).contains(name));
                        assertThat(ClientProfile.NEGOTIATED).as(name + " gone in " + target.id())
                                .noneMatch(list -> target.get(list).contains(name));
                    }
                }
            }
            assertThat(upgrades).as("findings the upgrade fixes").isPositive();
        }
    }
}
