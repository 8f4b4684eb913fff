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
