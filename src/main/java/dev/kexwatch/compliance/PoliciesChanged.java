package dev.kexwatch.compliance;

import dev.kexwatch.policy.PolicySet;

/** Fired after a new set of policies is in force, so stored offers can be judged again without probing. */
public record PoliciesChanged(PolicySet policies) {
}
