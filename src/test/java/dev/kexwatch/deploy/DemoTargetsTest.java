package dev.kexwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.Trait;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyEngine;
import dev.kexwatch.policy.PolicyLoader;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.testsupport.OpenSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compose demo's two OpenSSH targets, run here with Debian's own sshd (the images are Debian 12 with the same
 * package) and the drop-in each image installs: the weak one breaks the shipped policies, the hardened one passes.
 */
class DemoTargetsTest {

    private static final Path DEMO = Tool.ROOT.resolve("src/main/docker/ssh-demo");
    private static final List<Policy> POLICIES = new PolicyLoader().loadDirectory(Tool.ROOT.resolve("policies"));
    private static ProbeEngine engine;

    @BeforeAll
    static void start() {
        engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(5), 4, 256 * 1024));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void theWeakTargetBreaksTheBaseline() throws IOException {
        List<Evaluation> evaluations = scan("ssh-weak", Map.of("env", "demo", "profile", "legacy")).evaluations();

        Evaluation baseline = evaluations.stream().filter(e -> e.policyId().equals("baseline")).findFirst().orElseThrow();
        assertThat(baseline.compliant()).isFalse();
        assertThat(baseline.findings()).extracting(Finding::ruleId).contains("no-group1-kex", "no-sha1-kex",
                "no-sha1-mac");
    }

    @Test
    void theHardenedTargetMeetsEveryPolicyThatAppliesAndOffersPostQuantumKex() throws IOException {
        Map<String, String> labels = Map.of("env", "demo", "profile", "hardened");
        Scanned scanned = scan("ssh-hardened", labels);
        List<Evaluation> evaluations = scanned.evaluations();

        assertThat(scanned.offer().get(KexList.KEX))
                .anyMatch(n -> AlgorithmCatalog.builtin().describe(Category.KEX, n).has(Trait.PQ));
        assertThat(evaluations).extracting(Evaluation::policyId).contains("baseline", "hardened-openssh");
        assertThat(evaluations).allSatisfy(e -> assertThat(e.findings()).as(e.policyId()).isEmpty());
    }

    private record Scanned(ServerOffer offer, List<Evaluation> evaluations) {
    }

    private static Scanned scan(String target, Map<String, String> labels) throws IOException {
        List<String> lines = Files.readAllLines(DEMO.resolve(target.replace("ssh-", "") + ".conf")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        try (OpenSshServer sshd = OpenSshServer.start(lines.toArray(String[]::new))) {
            ServerOffer offer = engine.probe(sshd.target()).join().offer().orElseThrow();
            HostRef host = new HostRef(target, 22, labels);
            PolicyEngine policies = new PolicyEngine();
            return new Scanned(offer, POLICIES.stream().filter(p -> p.appliesTo(host))
                    .map(p -> policies.evaluate(p, offer, host, LocalDate.now())).toList());
        }
    }
}
