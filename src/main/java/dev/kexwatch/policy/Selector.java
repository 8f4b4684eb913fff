package dev.kexwatch.policy;

import java.util.Map;

/**
 * Which hosts a policy applies to: every label listed must be on the host with the same value. An empty selector
 * applies to every host. Several policies may apply to one host.
 */
public record Selector(Map<String, String> labels) {

    public static final Selector ALL = new Selector(Map.of());

    public Selector {
        labels = Map.copyOf(labels);
    }

    public boolean matches(HostRef host) {
        return labels.entrySet().stream().allMatch(e -> e.getValue().equals(host.labels().get(e.getKey())));
    }
}
