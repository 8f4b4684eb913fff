package dev.kexwatch.compliance;

import dev.kexwatch.policy.Policy;
import java.util.List;
import java.util.Map;

/** A policy as REST lists it. */
public record PolicySummary(String id, String version, String title, String source, Map<String, String> selector,
        List<String> rules, int waivers) {

    static PolicySummary of(Policy p) {
        return new PolicySummary(p.id(), p.version(), p.title(), p.source(), p.selector().labels(),
                p.rules().stream().map(r -> r.id()).toList(), p.waivers().size());
    }
}
