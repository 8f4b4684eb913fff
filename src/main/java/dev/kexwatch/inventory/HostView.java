package dev.kexwatch.inventory;

import dev.kexwatch.fleet.Host;
import java.time.Instant;
import java.util.Map;

/** A host as REST returns it. */
public record HostView(long id, String address, int port, Map<String, String> labels, boolean enabled,
        Instant createdAt) {

    static HostView of(Host host) {
        return new HostView(host.id, host.address, host.port, Map.copyOf(host.labels), host.enabled, host.createdAt);
    }
}
