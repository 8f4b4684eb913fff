package dev.kexwatch.compatibility;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.ServerSoftware;
import dev.kexwatch.compatibility.CompatibilityViews.Cell;
import dev.kexwatch.compatibility.CompatibilityViews.HostNegotiation;
import dev.kexwatch.compatibility.CompatibilityViews.Matrix;
import dev.kexwatch.compatibility.CompatibilityViews.ProfileImpact;
import dev.kexwatch.compatibility.CompatibilityViews.WhatIfRequest;
import dev.kexwatch.compliance.PolicyRegistry;
import dev.kexwatch.fleet.FleetHost;
import dev.kexwatch.fleet.FleetOffers;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.FixAdvisor;
import dev.kexwatch.negotiation.FleetMatrix;
import dev.kexwatch.negotiation.HostOffer;
import dev.kexwatch.negotiation.MatrixCell;
import dev.kexwatch.negotiation.NegotiationReport;
import dev.kexwatch.negotiation.Negotiator;
import dev.kexwatch.negotiation.SshdConfigChange;
import dev.kexwatch.negotiation.WhatIf;
import dev.kexwatch.policy.PolicyEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Which client profiles can negotiate with which hosts, today and after a proposed change. */
@ApplicationScoped
public class CompatibilityService {

    private final Negotiator negotiator = new Negotiator(FixAdvisor.preferringSound(AlgorithmCatalog.builtin()));
    private final PolicyEngine policyEngine = new PolicyEngine();

    @Inject
    ProfileRegistry profiles;

    @Inject
    FleetOffers fleet;

    @Inject
    PolicyRegistry policies;

    @Inject
    Clock clock;

    /** Every profile × every enabled host of the selector that has an offer. */
    public Matrix matrix(Map<String, String> selector, int page, int size) {
        List<FleetHost> selected = fleet.hosts(selector);
        int from = (int) Math.min((long) page * size, selected.size());
        List<FleetHost> hosts = selected.subList(from, Math.min(from + size, selected.size()));
        List<ClientProfile> all = profiles.profiles().all();
        FleetMatrix matrix = FleetMatrix.compute(negotiator, all, hostOffers(hosts, FleetHost::offer));
        Map<Long, FleetHost> byId = index(hosts);
        List<Cell> cells = cells(matrix.cells(), byId);
        Map<String, List<Long>> unreachable = new LinkedHashMap<>();
        matrix.unreachableByProfile().forEach((id, ids) -> unreachable.put(id, ids.stream().map(Long::valueOf).toList()));
        return new Matrix(selected.size(), fleet.withoutOffer(selector), all.stream().map(ClientProfile::id).toList(),
                cells, unreachable, page, size, selected.size());
    }

    /** Per profile, how many enabled hosts it cannot negotiate with (from distinct offers: cheap). */
    public Map<String, Long> unreachableCounts() {
        Map<ServerOffer, Long> offers = fleet.distinctOffers();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ClientProfile profile : profiles.profiles().all()) {
            counts.put(profile.id(), offers.entrySet().stream()
                    .filter(e -> !negotiator.agrees(profile, e.getKey())).mapToLong(Map.Entry::getValue).sum());
        }
        return counts;
    }

    /**
     * The full negotiation of one host's latest offer with one profile, or all when {@code client} is empty.
     * Empty when the host is unknown, disabled, or has no offer yet.
     *
     * @throws IllegalArgumentException for an unknown profile id
     */
    public Optional<HostNegotiation> host(long hostId, Optional<String> client) {
        List<ClientProfile> chosen = client.map(id -> List.of(profiles.find(id).orElseThrow(
                () -> new IllegalArgumentException("no client profile '" + id + "'")))).orElse(profiles.profiles().all());
        return fleet.host(hostId).map(host -> new HostNegotiation(host.hostId(), host.address(), host.port(),
                host.labels(), host.identification(), chosen.stream().map(p -> NegotiationReport.of(p,
                        negotiator.negotiate(p, host.offer(), server(host)), host.address(), host.port())).toList()));
    }

    /** Without an identification the fixes speak OpenSSH, as most fleets run it. */
    private static ServerSoftware.Kind server(FleetHost host) {
        return host.identification().map(line -> ServerSoftware.ofLine(line).kind())
                .orElse(ServerSoftware.Kind.OPENSSH);
    }

    /** Applies the sshd_config change and/or the policy to every selected host's offer and compares. */
    public CompatibilityViews.WhatIf whatIf(WhatIfRequest request, Map<String, String> selector) {
        Function<FleetHost, ServerOffer> change = change(request);
        List<FleetHost> hosts = fleet.hosts(selector);
        List<HostOffer> before = hostOffers(hosts, FleetHost::offer);
        List<HostOffer> after = hostOffers(hosts, change);
        WhatIf result = WhatIf.compare(negotiator, profiles.profiles().all(), before, after);
        int changed = (int) java.util.stream.IntStream.range(0, hosts.size())
                .filter(i -> !before.get(i).offer().equals(after.get(i).offer())).count();
        Map<Long, FleetHost> byId = index(hosts);
        List<Cell> broken = cells(result.newlyBroken(), byId);
        List<Cell> working = cells(result.newlyFixed(), byId);
        return new CompatibilityViews.WhatIf(hosts.size(), changed, broken, working, impact(broken, working));
    }

    private Function<FleetHost, ServerOffer> change(WhatIfRequest request) {
        boolean noConfig = request == null || request.sshdConfig() == null || request.sshdConfig().isBlank();
        boolean noPolicy = request == null || request.policy() == null || request.policy().isBlank();
        if (noConfig && noPolicy) {
            throw new InvalidChange("sshdConfig", "give sshdConfig lines, a policy id, or both");
        }
        Function<FleetHost, ServerOffer> change = FleetHost::offer;
        if (!noConfig) {
            SshdConfigChange config = parse(request.sshdConfig());
            // Hosts loaded from one stored offer share its instance: change each distinct offer once.
            Map<ServerOffer, ServerOffer> done = new IdentityHashMap<>();
            change = host -> done.computeIfAbsent(host.offer(), config);
        }
        if (!noPolicy) {
            PolicyChange policy = new PolicyChange(policies.policies().byId(request.policy()).orElseThrow(
                    () -> new InvalidChange("policy", "no policy '" + request.policy() + "'; in force: "
                            + policies.policies().policies().stream().map(p -> p.id()).toList())),
                    policyEngine, LocalDate.now(clock));
            Function<FleetHost, ServerOffer> first = change;
            change = host -> policy.apply(host.ref(), first.apply(host));
        }
        return change;
    }

    private static SshdConfigChange parse(String text) {
        try {
            return SshdConfigChange.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidChange("sshdConfig", e.getMessage());
        }
    }

    static Map<String, ProfileImpact> impact(List<Cell> broken, List<Cell> working) {
        Map<String, ProfileImpact> byProfile = new LinkedHashMap<>();
        for (Cell cell : broken) {
            byProfile.computeIfAbsent(cell.profile(), p -> new ProfileImpact(new ArrayList<>(), new ArrayList<>()))
                    .breaksOn().add(cell.hostId());
        }
        for (Cell cell : working) {
            byProfile.computeIfAbsent(cell.profile(), p -> new ProfileImpact(new ArrayList<>(), new ArrayList<>()))
                    .worksOn().add(cell.hostId());
        }
        return byProfile;
    }

    static List<HostOffer> hostOffers(List<FleetHost> hosts, Function<FleetHost, ServerOffer> offer) {
        return hosts.stream().map(h -> new HostOffer(String.valueOf(h.hostId()), offer.apply(h))).toList();
    }

    static List<Cell> cells(List<MatrixCell> cells, Map<Long, FleetHost> byId) {
        return cells.stream().map(c -> Cell.of(c, byId.get(Long.valueOf(c.hostId())))).toList();
    }

    static Map<Long, FleetHost> index(List<FleetHost> hosts) {
        return hosts.stream().collect(Collectors.toMap(FleetHost::hostId, h -> h));
    }
}
