package dev.kexwatch.compatibility;

import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyEngine;
import dev.kexwatch.policy.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A host's offer after it was made to comply with a policy, the simple way: the policy judges the offer
 * ({@link PolicyEngine}), and every name a finding of a name rule ({@code forbid}, {@code allow-only},
 * {@code forbid-verdict}) points at is removed from the lists that finding covers. Waived findings are kept
 * (the waiver allows the name), hosts the policy's selector does not match are left alone, and nothing is
 * ever added: a list the policy empties stays empty, which is what a client would then meet.
 */
final class PolicyChange {

    private final Policy policy;
    private final PolicyEngine engine;
    private final LocalDate today;

    PolicyChange(Policy policy, PolicyEngine engine, LocalDate today) {
        this.policy = policy;
        this.engine = engine;
        this.today = today;
    }

    ServerOffer apply(HostRef host, ServerOffer offer) {
        if (!policy.appliesTo(host)) {
            return offer;
        }
        Map<KexList, List<String>> lists = new EnumMap<>(offer.lists());
        for (Finding finding : engine.evaluate(policy, offer, host, today).findings()) {
            if (policy.rule(finding.ruleId()).filter(Rule::restrictsNames).isPresent()) {
                covered(finding).forEach(list -> lists.computeIfPresent(list, (l, names) -> without(names, finding)));
            }
        }
        return new ServerOffer(lists);
    }

    /** A finding without a direction covers kex and host key, or both directions alike. */
    private static List<KexList> covered(Finding finding) {
        if (finding.direction().isPresent()) {
            return List.of(KexList.of(finding.category(), finding.direction().get()));
        }
        return List.of(Direction.values()).stream().map(d -> KexList.of(finding.category(), d)).distinct().toList();
    }

    private static List<String> without(List<String> names, Finding finding) {
        List<String> kept = new ArrayList<>(names);
        kept.removeAll(finding.names());
        return kept;
    }
}
