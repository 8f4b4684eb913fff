package dev.kexwatch.compatibility;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.fleet.FleetHost;
import dev.kexwatch.fleet.FleetOffers;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.PqReadiness;
import dev.kexwatch.negotiation.PqStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Which client × host pairs negotiate a post-quantum hybrid kex today, and which side holds the rest back. */
@ApplicationScoped
public class PostQuantumService {

    private final PqReadiness readiness = new PqReadiness(AlgorithmCatalog.builtin());

    @Inject
    ProfileRegistry profiles;

    @Inject
    FleetOffers fleet;

    /** One pair: its status and the kex it negotiates (absent when none is common). */
    public record PqCell(String profile, long hostId, String address, int port, String status, Optional<String> kex) {
    }

    /** How many pairs negotiate a post-quantum kex, of how many. */
    public record Share(long postQuantum, long pairs) {

        public double share() {
            return pairs == 0 ? 0 : (double) postQuantum / pairs;
        }
    }

    /**
     * The readiness of the selected hosts.
     *
     * @param byStatus pairs per status ({@code post_quantum}, {@code server_offers_none}, ...)
     * @param byLabel with {@code groupBy=KEY}: the share per value of that label ({@code (none)} for hosts without it)
     */
    public record Readiness(int hosts, List<PqCell> cells, Map<String, Share> byProfile, Map<String, Long> byStatus,
            Map<String, Share> byLabel) {
    }

    public Readiness readiness(Map<String, String> selector, Optional<String> groupBy, Optional<String> client) {
        List<FleetHost> hosts = fleet.hosts(selector);
        List<ClientProfile> chosen = client.map(id -> List.of(profiles.find(id).orElseThrow(
                () -> new IllegalArgumentException("no client profile '" + id + "'")))).orElse(profiles.profiles().all());
        List<PqCell> cells = new ArrayList<>();
        Map<String, long[]> byProfile = new LinkedHashMap<>();
        Map<String, long[]> byLabel = new TreeMap<>();
        Map<PqStatus, Long> byStatus = new EnumMap<>(PqStatus.class);
        for (ClientProfile profile : chosen) {
            // Hosts loaded from one stored offer share its instance: judge each distinct offer once.
            Map<ServerOffer, PqReadiness.Verdict> done = new IdentityHashMap<>();
            for (FleetHost host : hosts) {
                PqReadiness.Verdict verdict = done.computeIfAbsent(host.offer(), offer -> readiness.of(profile, offer));
                cells.add(new PqCell(profile.id(), host.hostId(), host.address(), host.port(), verdict.status().id(),
                        verdict.kex()));
                count(byProfile.computeIfAbsent(profile.id(), p -> new long[2]), verdict);
                groupBy.ifPresent(key -> count(byLabel.computeIfAbsent(host.labels().getOrDefault(key, "(none)"),
                        v -> new long[2]), verdict));
                byStatus.merge(verdict.status(), 1L, Long::sum);
            }
        }
        Map<String, Long> statuses = new LinkedHashMap<>();
        for (PqStatus status : PqStatus.values()) {
            statuses.put(status.id(), byStatus.getOrDefault(status, 0L));
        }
        return new Readiness(hosts.size(), cells, shares(byProfile), statuses, shares(byLabel));
    }

    /** Per profile and status, how many enabled hosts (from distinct offers: cheap), for the gauge. */
    public Map<String, Map<PqStatus, Long>> counts() {
        Map<ServerOffer, Long> offers = fleet.distinctOffers();
        Map<String, Map<PqStatus, Long>> counts = new LinkedHashMap<>();
        for (ClientProfile profile : profiles.profiles().all()) {
            Map<PqStatus, Long> byStatus = new EnumMap<>(PqStatus.class);
            for (PqStatus status : PqStatus.values()) {
                byStatus.put(status, 0L);
            }
            offers.forEach((offer, hosts) -> byStatus.merge(readiness.of(profile, offer).status(), hosts, Long::sum));
            counts.put(profile.id(), byStatus);
        }
        return counts;
    }

    private static void count(long[] tally, PqReadiness.Verdict verdict) {
        tally[0] += verdict.postQuantum() ? 1 : 0;
        tally[1]++;
    }

    private static Map<String, Share> shares(Map<String, long[]> tallies) {
        Map<String, Share> shares = new LinkedHashMap<>();
        tallies.forEach((key, t) -> shares.put(key, new Share(t[0], t[1])));
        return shares;
    }
}
