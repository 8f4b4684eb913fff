package dev.kexwatch.negotiation;

import java.util.ArrayList;
import java.util.List;

/**
 * A client moving from one profile to another (e.g. a JSch upgrade) against today's fleet: the hosts it
 * newly fails on, with the failing list, and those it newly reaches.
 */
public record ClientUpgrade(String from, String to, List<MatrixCell> newlyBroken, List<MatrixCell> newlyWorking) {

    public ClientUpgrade {
        newlyBroken = List.copyOf(newlyBroken);
        newlyWorking = List.copyOf(newlyWorking);
    }

    public static ClientUpgrade evaluate(Negotiator negotiator, ClientProfile from, ClientProfile to,
            List<HostOffer> hosts) {
        List<MatrixCell> before = FleetMatrix.compute(negotiator, List.of(from), hosts).cells();
        List<MatrixCell> after = FleetMatrix.compute(negotiator, List.of(to), hosts).cells();
        List<MatrixCell> broken = new ArrayList<>();
        List<MatrixCell> working = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (before.get(i).works() && !after.get(i).works()) {
                broken.add(after.get(i));
            } else if (!before.get(i).works() && after.get(i).works()) {
                working.add(after.get(i));
            }
        }
        return new ClientUpgrade(from.id(), to.id(), broken, working);
    }
}
