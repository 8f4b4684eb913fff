package dev.kexwatch.policy;

import dev.kexwatch.hostkey.DeepResult;
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

    /** Distinct offers remembered at most; past that the memo starts over (a hostile fleet may show many). */
    private static final int REMEMBERED = 4096;

    private final AlgorithmCatalog catalog;
    /**
     * The findings a policy's rules make of an offer: a function of the policy, the policies in force beside it
     * (remediation), the offer and the two versions, and nothing of the host. A fleet runs few distinct
     * configurations and a nightly scan judges every host again, so each is worked out once (matching every
     * offered name against every rule's globs: 0.11 ms per host under the shipped policies, 0.005 ms remembered,
     * bench/judge.sh); waivers and the deep handshake stay per host.
     */
    private final BoundedMemo<OfferKey, OfferFindings> judged = new BoundedMemo<>(REMEMBERED);

    /** Policies by identity: hashing a whole policy (every rule, glob and waiver) per host would cost for nothing. */
    private record OfferKey(Same policy, List<Same> inForce, Optional<ServerOffer> offer, String protocolVersion,
            String softwareVersion) {
    }

    private record Same(Policy policy) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.policy == policy;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(policy);
        }
    }

    /** Findings per rule, in the policy's rule order. */
    private record OfferFindings(List<List<Finding>> byRule, List<String> unknownNames) {
    }

    public PolicyEngine() {
        this(AlgorithmCatalog.builtin());
    }

    public PolicyEngine(AlgorithmCatalog catalog) {
        this.catalog = catalog;
    }

    /** {@code today} decides which waivers are still in force. */
    public Evaluation evaluate(Policy policy, ServerOffer offer, HostRef host, LocalDate today) {
        return evaluate(policy, Optional.of(offer), "2.0", host, today);
    }

    /**
     * As above, with the protocol version of the server's identification ({@code 2.0}, {@code 1.99}, {@code 1.5}) for
     * the {@code ssh1-*} checks; {@code offer} is empty for a server that answered but sent no KEXINIT (SSH-1 only).
     */
    public Evaluation evaluate(Policy policy, Optional<ServerOffer> offer, String protocolVersion, HostRef host,
            LocalDate today) {
        return evaluate(policy, offer, protocolVersion, Optional.empty(), "", host, today);
    }

    /**
     * As above, with the deep handshake's host keys and group sizes for the deep checks (min-key-bits,
     * min-group-bits, cert-*); without one those checks find nothing, as a KEXINIT-only scan cannot see keys.
     */
    public Evaluation evaluate(Policy policy, Optional<ServerOffer> offer, String protocolVersion,
            Optional<DeepResult> deep, HostRef host, LocalDate today) {
        return evaluate(policy, offer, protocolVersion, deep, "", host, today);
    }

    /**
     * Judges the host against every policy in force at once: each gets its own evaluation, and each finding's
     * remediation lines leave out what any of them rejects, so the policies never suggest contradicting lines.
     */
    public List<Evaluation> evaluateAll(List<Policy> inForce, Optional<ServerOffer> offer, String protocolVersion,
            HostRef host, LocalDate today) {
        return evaluateAll(inForce, offer, protocolVersion, Optional.empty(), "", host, today);
    }

    /**
     * As above, with the server's software version from its identification ({@code dropbear_2022.83}): each finding's
     * remediation is then written for that server (a Dropbear host gets localoptions.h lines or an upgrade, never
     * sshd_config).
     */
    public Evaluation evaluate(Policy policy, Optional<ServerOffer> offer, String protocolVersion,
            Optional<DeepResult> deep, String softwareVersion, HostRef host, LocalDate today) {
        return evaluate(policy, List.of(policy), new Observed(offer, protocolVersion, deep, softwareVersion), host,
                today);
    }

    /** {@link #evaluateAll} for a server whose software version is known: remediation in its terms. */
    public List<Evaluation> evaluateAll(List<Policy> inForce, Optional<ServerOffer> offer, String protocolVersion,
            String softwareVersion, HostRef host, LocalDate today) {
        return evaluateAll(inForce, offer, protocolVersion, Optional.empty(), softwareVersion, host, today);
    }

    /** As above, with the host's latest deep handshake for the deep checks (the service stores one per cadence). */
    public List<Evaluation> evaluateAll(List<Policy> inForce, Optional<ServerOffer> offer, String protocolVersion,
            Optional<DeepResult> deep, String softwareVersion, HostRef host, LocalDate today) {
        Observed observed = new Observed(offer, protocolVersion, deep, softwareVersion);
        return inForce.stream().map(p -> evaluate(p, inForce, observed, host, today)).toList();
    }

    private record Observed(Optional<ServerOffer> offer, String protocolVersion, Optional<DeepResult> deep,
            String softwareVersion) {
    }

    private Evaluation evaluate(Policy policy, List<Policy> inForce, Observed observed, HostRef host, LocalDate today) {
        OfferFindings offerFindings = offerFindings(new OfferKey(new Same(policy), inForce.stream().map(Same::new)
                .toList(), observed.offer(), observed.protocolVersion(), observed.softwareVersion()), policy, inForce);
        List<Waiver> forHost = policy.waivers().stream().filter(w -> w.matches(host)).toList();
        List<Waiver> active = forHost.stream().filter(w -> w.activeOn(today)).toList();
        List<Finding> findings = new ArrayList<>();
        List<WaivedFinding> waived = new ArrayList<>();
        for (int i = 0; i < policy.rules().size(); i++) {
            Rule rule = policy.rules().get(i);
            Optional<Waiver> waiver = active.stream().filter(w -> w.rule().equals(rule.id())).findFirst();
            List<Finding> broken = new ArrayList<>(offerFindings.byRule().get(i));
            observed.deep().ifPresent(d -> broken.addAll(DeepJudge.findings(policy, rule, d, today)));
            for (Finding finding : broken) {
                waiver.ifPresentOrElse(w -> waived.add(new WaivedFinding(finding, w)), () -> findings.add(finding));
            }
        }
        List<Waiver> expired = forHost.stream().filter(w -> !w.activeOn(today)).toList();
        return new Evaluation(policy.id(), policy.version(), findings, waived, expired, offerFindings.unknownNames());
    }

    private OfferFindings offerFindings(OfferKey key, Policy policy, List<Policy> inForce) {
        return judged.get(key, offer -> {
            OfferJudge judge = new OfferJudge(policy, inForce, offer.offer(), offer.protocolVersion(),
                    offer.softwareVersion(), catalog);
            List<List<Finding>> byRule = policy.rules().stream().map(judge::findings).map(List::copyOf).toList();
            return new OfferFindings(byRule, List.copyOf(judge.unknownNames()));
        });
    }
}
