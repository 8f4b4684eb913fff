package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.ServerOffer;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a proposed server change would do to the fleet before any server is touched: the matrix before and
 * after, and the profile/host pairs that newly break or newly work.
 *
 * @param newlyBroken cells that work today and fail after the change (with the failing list)
 * @param newlyFixed cells that fail today and work after the change
 */
public record WhatIf(FleetMatrix before, FleetMatrix after, List<MatrixCell> newlyBroken, List<MatrixCell> newlyFixed) {

    /**
     * Applies {@code change} (e.g. an {@link SshdConfigChange}, or a function returning a whole new offer) to
     * every host's offer and compares.
     */
    public static WhatIf evaluate(Negotiator negotiator, List<ClientProfile> profiles, List<HostOffer> hosts,
            UnaryOperator<ServerOffer> change) {
        List<HostOffer> changed = hosts.stream().map(h -> new HostOffer(h.hostId(), change.apply(h.offer()))).toList();
        return compare(negotiator, profiles, hosts, changed);
    }

    /**
     * Compares the fleet today with the same hosts changed, when the change differs per host (e.g. a policy
     * whose selector and waivers depend on the host's labels). {@code changed} lists the same hosts in the
     * same order as {@code hosts}.
     */
    public static WhatIf compare(Negotiator negotiator, List<ClientProfile> profiles, List<HostOffer> hosts,
            List<HostOffer> changed) {
        if (!hosts.stream().map(HostOffer::hostId).toList().equals(changed.stream().map(HostOffer::hostId).toList())) {
            throw new IllegalArgumentException("the changed fleet must list the same hosts in the same order");
        }
        FleetMatrix before = FleetMatrix.compute(negotiator, profiles, hosts);
        FleetMatrix after = FleetMatrix.compute(negotiator, profiles, changed);
        List<MatrixCell> broken = new java.util.ArrayList<>();
        List<MatrixCell> fixed = new java.util.ArrayList<>();
        for (int i = 0; i < before.cells().size(); i++) {
            MatrixCell was = before.cells().get(i);
            MatrixCell now = after.cells().get(i);
            if (was.works() && !now.works()) {
                broken.add(now);
            } else if (!was.works() && now.works()) {
                fixed.add(now);
            }
        }
        return new WhatIf(before, after, broken, fixed);
    }
}
