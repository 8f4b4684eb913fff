package dev.kexwatch.policy;

/** A named, versioned set of rules (TODO(policy helper): rules, selector, waivers). */
public record Policy(String id, String version, String title) {

    public boolean appliesTo(HostRef host) {
        return true;
    }
}
