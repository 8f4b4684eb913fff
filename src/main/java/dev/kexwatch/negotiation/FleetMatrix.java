package dev.kexwatch.negotiation;

import dev.kexwatch.algorithm.ServerOffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Client profiles × hosts: who can connect where (RFC 4253 §7.1 simulated per pair). Pure; one
 * negotiation per profile and distinct offer instance, so 20 profiles × 100,000 hosts sharing 50 stored offers
 * is a thousand negotiations.
 */
public record FleetMatrix(List<MatrixCell> cells) {

    public FleetMatrix {
        cells = List.copyOf(cells);
    }

    public static FleetMatrix compute(Negotiator negotiator, List<ClientProfile> profiles, List<HostOffer> hosts) {
        List<MatrixCell> cells = new ArrayList<>(profiles.size() * hosts.size());
        for (ClientProfile profile : profiles) {
            // Hosts loaded from one stored offer share one ServerOffer instance: negotiate it once. Identity,
            // not equals, so the check costs nothing when offers are not shared.
            Map<ServerOffer, Optional<Mismatch>> done = new IdentityHashMap<>();
            for (HostOffer host : hosts) {
                cells.add(new MatrixCell(profile.id(), host.hostId(),
                        done.computeIfAbsent(host.offer(), offer -> negotiator.negotiate(profile, offer).failure())));
            }
        }
        return new FleetMatrix(cells);
    }

    /** Per profile (in profile order) the hosts it cannot reach; profiles that reach all map to an empty list. */
    public Map<String, List<String>> unreachableByProfile() {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (MatrixCell cell : cells) {
            List<String> hosts = result.computeIfAbsent(cell.profileId(), id -> new ArrayList<>());
            if (!cell.works()) {
                hosts.add(cell.hostId());
            }
        }
        return result;
    }

    /** The hosts one profile cannot reach. */
    public List<String> unreachable(String profileId) {
        return unreachableByProfile().getOrDefault(profileId, List.of());
    }
}
