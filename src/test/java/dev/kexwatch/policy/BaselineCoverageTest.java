package dev.kexwatch.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.AlgorithmInfo;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Baseline and the algorithm catalog agree: every name the catalog rates weak or insecure is caught by baseline, or
 * is listed here as deliberately allowed, with the reason (issue 14, item 4).
 */
class BaselineCoverageTest {

    /** category:name → why baseline lets it pass. Keep this short; policies/README.md repeats it. */
    static final Map<String, String> DELIBERATELY_ALLOWED = Map.of(
            "compression:zlib", "compression before authentication is an exposure of zlib, not a broken algorithm; "
                    + "hardened-openssh forbids it, and sshd has not offered it since OpenSSH 7.4");

    private static final Policy BASELINE = ShippedPolicies.byId("baseline").orElseThrow();
    private static final HostRef HOST = new HostRef("127.0.0.1", 22, Map.of());

    @Test
    void everyWeakOrInsecureCatalogNameIsCaughtByBaselineOrDeliberatelyAllowed() {
        PolicyEngine engine = new PolicyEngine();
        List<String> missed = new ArrayList<>();
        for (AlgorithmInfo info : AlgorithmCatalog.builtin().entries()) {
            if (info.isSignal() || info.verdict() == Verdict.OK) {
                continue;
            }
            String key = info.category().id() + ":" + info.name();
            String name = info.name().endsWith("*") ? info.name().replace("*", "x") : info.name();
            Evaluation e = engine.evaluate(BASELINE, offering(info.category(), name), HOST, LocalDate.of(2026, 1, 1));
            boolean caught = e.findings().stream().anyMatch(f -> f.names().contains(name));
            if (!caught && !DELIBERATELY_ALLOWED.containsKey(key)) {
                missed.add(key + " (" + info.verdict().id() + ")");
            }
            if (caught) {
                assertThat(DELIBERATELY_ALLOWED).as("%s is caught, so it is not allowed", key).doesNotContainKey(key);
            }
        }
        assertThat(missed).as("rated weak or insecure, yet baseline passes them").isEmpty();
    }

    @Test
    void hmacRipemd160IsCaught() {
        Evaluation e = new PolicyEngine().evaluate(BASELINE, offering(Category.MAC, "hmac-ripemd160"), HOST,
                LocalDate.of(2026, 1, 1));
        assertThat(e.findings()).extracting(Finding::ruleId).containsExactly("no-short-or-legacy-mac");
    }

    @Test
    void ssh1OnlyIsCriticalAndSsh199IsHigh() {
        PolicyEngine engine = new PolicyEngine();
        LocalDate today = LocalDate.of(2026, 1, 1);
        Evaluation only = engine.evaluate(BASELINE, Optional.empty(), "1.5", HOST, today);
        assertThat(only.findings()).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("no-ssh1-only", Severity.CRITICAL));
        Evaluation both = engine.evaluate(BASELINE, Optional.of(offering(Category.CIPHER, "aes128-ctr")), "1.99",
                HOST, today);
        assertThat(both.findings()).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("no-ssh1-enabled", Severity.HIGH));
        assertThat(engine.evaluate(BASELINE, Optional.of(offering(Category.CIPHER, "aes128-ctr")), "2.0", HOST, today)
                .findings()).isEmpty();
    }

    /** A sound offer with one name swapped into its category's lists. */
    private static ServerOffer offering(Category category, String name) {
        Map<Category, String> sound = new EnumMap<>(Map.of(Category.KEX, "curve25519-sha256,kex-strict-s-v00@openssh.com",
                Category.HOST_KEY, "ssh-ed25519", Category.CIPHER, "aes128-ctr", Category.MAC, "hmac-sha2-256",
                Category.COMPRESSION, "none"));
        sound.put(category, name);
        Map<KexList, List<String>> lists = new EnumMap<>(KexList.class);
        for (KexList list : KexList.values()) {
            lists.put(list, ServerOffer.split(sound.getOrDefault(list.category(), "")));
        }
        return new ServerOffer(lists);
    }
}
