package dev.kexwatch.policy;

import java.util.Map;

/** The host a policy is judging: what selectors and waivers match on. */
public record HostRef(String address, int port, Map<String, String> labels) {

    public HostRef {
        labels = Map.copyOf(labels);
    }
}
