package dev.kexwatch.policy;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.ServerOffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Judges an offer against a policy: a pure function of the policy, the ten KEXINIT lists (RFC 4253 §7.1), the host
 * (for waivers) and the date (for waiver expiry). Cipher, MAC and compression rules judge both directions unless a rule
 * says otherwise.
 */
public final class PolicyEngine {

    private final AlgorithmCatalog catalog;

    public PolicyEngine() {
        this(AlgorithmCatalog.builtin());
    }

    public PolicyEngine(AlgorithmCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code today} decides which waivers are still in force. */
    public Evaluation evaluate(Policy policy, ServerOffer offer, HostRef host, LocalDate today) {
        OfferJudge judge = new OfferJudge(policy, offer, catalog);
        List<Waiver> forHost = policy.waivers().stream().filter(w -> w.matches(host)).toList();
        List<Waiver> active = forHost.stream().filter(w -> w.activeOn(today)).toList();
        List<Finding> findings = new ArrayList<>();
        List<WaivedFinding> waived = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            Optional<Waiver> waiver = active.stream().filter(w -> w.rule().equals(rule.id())).findFirst();
            for (Finding finding : judge.findings(rule)) {
                waiver.ifPresentOrElse(w -> waived.add(new WaivedFinding(finding, w)), () -> findings.add(finding));
            }
        }
        List<Waiver> expired = forHost.stream().filter(w -> !w.activeOn(today)).toList();
        return new Evaluation(policy.id(), policy.version(), findings, waived, expired, judge.unknownNames());
    }
}
