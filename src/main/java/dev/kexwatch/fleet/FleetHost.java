package dev.kexwatch.fleet;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.policy.HostRef;
import java.util.Map;
import java.util.Optional;

/**
 * An enabled host with the offer of its latest result.
 *
 * @param identification the server's identification line, when it sent one
 */
public record FleetHost(long hostId, String address, int port, Map<String, String> labels,
        Optional<String> identification, ServerOffer offer) {

    public HostRef ref() {
        return new HostRef(address, port, labels);
    }
}
