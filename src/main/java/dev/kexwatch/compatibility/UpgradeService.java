package dev.kexwatch.compatibility;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.compatibility.CompatibilityViews.Cell;
import dev.kexwatch.compatibility.UpgradeViews.ClientUpgradeRequest;
import dev.kexwatch.compatibility.UpgradeViews.ClientUpgradeResult;
import dev.kexwatch.compatibility.UpgradeViews.HostMove;
import dev.kexwatch.compatibility.UpgradeViews.ServerUpgrade;
import dev.kexwatch.compatibility.UpgradeViews.ServerUpgradeRequest;
import dev.kexwatch.fleet.FleetHost;
import dev.kexwatch.fleet.FleetOffers;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.ClientUpgrade;
import dev.kexwatch.negotiation.FixAdvisor;
import dev.kexwatch.negotiation.HostOffer;
import dev.kexwatch.negotiation.Negotiator;
import dev.kexwatch.negotiation.Release;
import dev.kexwatch.negotiation.ReleaseCatalog;
import dev.kexwatch.negotiation.ReleaseMove;
import dev.kexwatch.negotiation.WhatIf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What moving servers to a release, or a client to another version, would break, before anything is touched. */
@ApplicationScoped
public class UpgradeService {

    private final Negotiator negotiator = new Negotiator(FixAdvisor.preferringSound(AlgorithmCatalog.builtin()));
    private final ReleaseCatalog catalog = ReleaseCatalog.builtIn();

    @Inject
    ProfileRegistry profiles;

    @Inject
    FleetOffers fleet;

    public ReleaseCatalog catalog() {
        return catalog;
    }

    /** Moves the selected hosts to the release and compares every profile before and after. */
    public ServerUpgrade servers(ServerUpgradeRequest request, Map<String, String> selector) {
        Release release = release(request.release());
        boolean keep = request.keepOverrides() == null || request.keepOverrides();
        String software = request.software() == null ? "" : request.software().toLowerCase(Locale.ROOT);
        List<FleetHost> hosts = fleet.hosts(selector).stream()
                .filter(h -> h.identification().orElse("").toLowerCase(Locale.ROOT).contains(software)).toList();
        List<HostOffer> after = new ArrayList<>();
        List<HostMove> moves = new ArrayList<>();
        for (FleetHost host : hosts) {
            ReleaseMove move = ReleaseMove.of(catalog, release, host.offer(), host.identification().orElse(""), keep);
            after.add(new HostOffer(String.valueOf(host.hostId()), move.offer()));
            moves.add(new HostMove(host.hostId(), host.address(), host.port(), move.from().map(Release::id),
                    move.overrides()));
        }
        WhatIf result = WhatIf.compare(negotiator, profiles.profiles().all(),
                CompatibilityService.hostOffers(hosts, FleetHost::offer), after);
        Map<Long, FleetHost> byId = CompatibilityService.index(hosts);
        List<Cell> broken = CompatibilityService.cells(result.newlyBroken(), byId);
        List<Cell> working = CompatibilityService.cells(result.newlyFixed(), byId);
        return new ServerUpgrade(release.id(), hosts.size(), moves, broken, working,
                CompatibilityService.impact(broken, working));
    }

    /** One client profile replaced by another against today's offers of the selected hosts. */
    public ClientUpgradeResult client(ClientUpgradeRequest request, Map<String, String> selector) {
        ClientProfile from = profile("from", request.from());
        ClientProfile to = profile("to", request.to());
        List<FleetHost> hosts = fleet.hosts(selector);
        ClientUpgrade result = ClientUpgrade.evaluate(negotiator, from, to,
                CompatibilityService.hostOffers(hosts, FleetHost::offer));
        Map<Long, FleetHost> byId = CompatibilityService.index(hosts);
        return new ClientUpgradeResult(from.id(), to.id(), hosts.size(),
                CompatibilityService.cells(result.newlyBroken(), byId),
                CompatibilityService.cells(result.newlyWorking(), byId));
    }

    private Release release(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidChange("release", "give a release id; known: " + String.join(", ", catalog.ids()));
        }
        return catalog.find(id).orElseThrow(() -> new InvalidChange("release", "no release '" + id
                + "' in the catalogue; known: " + String.join(", ", catalog.ids())));
    }

    private ClientProfile profile(String field, String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidChange(field, "give a client profile id");
        }
        return profiles.find(id).orElseThrow(() -> new InvalidChange(field, "no client profile '" + id + "'"));
    }
}
