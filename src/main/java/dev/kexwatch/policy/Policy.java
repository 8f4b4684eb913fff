package dev.kexwatch.policy;

import java.util.List;
import java.util.Optional;

/**
 * A named, versioned set of rules with the hosts it applies to and the waivers granted against it. Loaded from YAML by
 * {@link PolicyLoader}; the language is documented in {@code policies/README.md}.
 *
 * @param source the file (or posted name) it was read from, for messages
 */
public record Policy(String id, String version, String title, List<ChangelogEntry> changelog, Selector selector,
        List<Rule> rules, List<Waiver> waivers, String source) {

    public Policy {
        changelog = List.copyOf(changelog);
        rules = List.copyOf(rules);
        waivers = List.copyOf(waivers);
    }

    public boolean appliesTo(HostRef host) {
        return selector.matches(host);
    }

    public Optional<Rule> rule(String ruleId) {
        return rules.stream().filter(rule -> rule.id().equals(ruleId)).findFirst();
    }
}
