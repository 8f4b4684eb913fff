package dev.kexwatch.compatibility;

import dev.kexwatch.compatibility.UpgradeViews.ClientUpgradeRequest;
import dev.kexwatch.compatibility.UpgradeViews.ClientUpgradeResult;
import dev.kexwatch.compatibility.UpgradeViews.ReleaseView;
import dev.kexwatch.compatibility.UpgradeViews.ServerUpgrade;
import dev.kexwatch.compatibility.UpgradeViews.ServerUpgradeRequest;
import dev.kexwatch.web.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Upgrade impact and post-quantum readiness over the latest stored offers: what a release's defaults would
 * break (servers moved), what a client upgrade would break, and which pairs negotiate a post-quantum hybrid
 * key exchange today. Nothing is changed anywhere; errors are RFC 9457 problem bodies.
 */
@Path("/api/compatibility")
@Produces(MediaType.APPLICATION_JSON)
public class UpgradeResource {

    @Inject
    UpgradeService upgrades;

    @Inject
    PostQuantumService postQuantum;

    /** The release catalogue: default server offers with their sources. */
    @GET
    @Path("/releases")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ReleaseView> releases() {
        return upgrades.catalog().all().stream().map(ReleaseView::of).toList();
    }

    /** Selected hosts move to a release: which profiles newly fail where, and why (422 for an unknown release). */
    @POST
    @Path("/upgrade/servers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response servers(ServerUpgradeRequest request) {
        ServerUpgradeRequest given = Optional.ofNullable(request).orElse(new ServerUpgradeRequest(null, null, null, null));
        return answer(() -> upgrades.servers(given, CompatibilityResource.selector(given.label())));
    }

    /** A client profile replaced by another: the hosts it newly fails on, and why. */
    @POST
    @Path("/upgrade/client")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response client(ClientUpgradeRequest request) {
        ClientUpgradeRequest given = Optional.ofNullable(request).orElse(new ClientUpgradeRequest(null, null, null));
        return answer(() -> upgrades.client(given, CompatibilityResource.selector(given.label())));
    }

    /**
     * Per profile × host: post-quantum kex or which side blocks; shares per profile, per status, and per value of
     * the {@code groupBy} label. {@code client=ID} limits it to one profile.
     */
    @GET
    @Path("/post-quantum")
    @Produces(MediaType.APPLICATION_JSON)
    public PostQuantumService.Readiness postQuantum(@QueryParam("label") String label,
            @QueryParam("groupBy") String groupBy, @QueryParam("client") String client) {
        try {
            return postQuantum.readiness(CompatibilityResource.selector(label), Optional.ofNullable(groupBy).filter(g -> !g.isBlank()),
                    Optional.ofNullable(client).filter(c -> !c.isBlank()));
        } catch (IllegalArgumentException e) {
            throw CompatibilityResource.badParameter("client", e.getMessage());
        }
    }

    private static Response answer(Supplier<Object> result) {
        try {
            return Response.ok(result.get()).build();
        } catch (InvalidChange e) {
            return Problem.unprocessable("the upgrade cannot be evaluated",
                    List.of(new Problem.FieldError(e.field(), e.getMessage()))).toResponse();
        }
    }
}
