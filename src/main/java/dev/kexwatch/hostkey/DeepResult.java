package dev.kexwatch.hostkey;

import java.util.List;

/**
 * The deep handshake of one server: one entry per host-key algorithm family asked, one per group-exchange
 * request. Both empty when the server offered nothing to ask for.
 *
 * @param gexAlgorithm the group-exchange method the requests used, empty string when none is offered
 */
public record DeepResult(List<HostKey> hostKeys, String gexAlgorithm, List<GexGroup> gex) {

    public static final DeepResult NONE = new DeepResult(List.of(), "", List.of());

    public DeepResult {
        hostKeys = List.copyOf(hostKeys);
        gex = List.copyOf(gex);
    }

    /** The smallest group any request got, as ssh-audit reports it; empty when no group came back. */
    public java.util.Optional<Integer> smallestGroup() {
        return gex.stream().flatMap(g -> g.bits().stream()).min(Integer::compare);
    }
}
