package dev.kexwatch.compatibility;

import dev.kexwatch.compatibility.CompatibilityViews.Cell;
import dev.kexwatch.compatibility.CompatibilityViews.HostNegotiation;
import dev.kexwatch.compatibility.CompatibilityViews.Matrix;
import dev.kexwatch.compatibility.CompatibilityViews.ProfileView;
import dev.kexwatch.compatibility.CompatibilityViews.WhatIf;
import dev.kexwatch.compatibility.CompatibilityViews.WhatIfRequest;
import dev.kexwatch.fleet.Labels;
import dev.kexwatch.negotiation.ProfileFormatException;
import dev.kexwatch.web.Csv;
import dev.kexwatch.web.Problem;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which SSH clients can connect to which hosts (RFC 4253 §7.1 simulated on the latest stored offers), why
 * not, and what a proposed server change would break, before any server is touched. Lists come as JSON, the
 * matrix also as CSV ({@code Accept: text/csv}); errors are RFC 9457 problem bodies.
 */
@Path("/api/compatibility")
@Produces(MediaType.APPLICATION_JSON)
public class CompatibilityResource {

    static final String CSV = "text/csv";

    @Inject
    ProfileRegistry registry;

    @Inject
    CompatibilityService service;

    /** Every client profile in force, with its lists and where it came from. */
    @GET
    @Path("/profiles")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ProfileView> profiles() {
        return registry.profiles().all().stream().map(p -> ProfileView.of(p, registry.origin(p.id()))).toList();
    }

    /**
     * Adds the profiles of a YAML or JSON document in the profiles-file format ({@code profiles: [...]}); 201 with
     * the added profiles, or 422 with the line and column of the problem and nothing added.
     */
    @POST
    @Path("/profiles")
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", "text/plain", MediaType.APPLICATION_JSON})
    @Produces(MediaType.APPLICATION_JSON)
    public Response addProfiles(String document) {
        try {
            List<ProfileView> added = registry.add(document).stream()
                    .map(p -> ProfileView.of(p, ProfileRegistry.API)).toList();
            return Response.status(Status.CREATED).entity(added).build();
        } catch (ProfileFormatException e) {
            return Problem.unprocessable("the client profiles are invalid; nothing was added", List.of(
                    new Problem.FieldError("line " + e.line() + ", column " + e.column(), e.getMessage()))).toResponse();
        }
    }

    /** Removes a profile added over the API (204); built-in and file profiles are not removable (404). */
    @DELETE
    @Path("/profiles/{id}")
    public Response removeProfile(@PathParam("id") String id) {
        if (!registry.remove(id)) {
            throw new NotFoundException("no client profile '" + id + "' added over the API");
        }
        return Response.noContent().build();
    }

    /** Profiles × hosts ({@code label=k=v,...} selects hosts): works or the failing list, and per profile the hosts it cannot reach. */
    @GET
    @Path("/matrix")
    @Produces(MediaType.APPLICATION_JSON)
    public Matrix matrix(@QueryParam("label") String label, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return service.matrix(selector(label), page, size);
    }

    @GET
    @Path("/matrix")
    @Produces(CSV)
    public String matrixCsv(@QueryParam("label") String label,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("1000") @Min(1) @Max(100000) int size) {
        List<List<?>> rows = new ArrayList<>();
        for (Cell c : service.matrix(selector(label), page, size).cells()) {
            rows.add(List.of(c.profile(), c.hostId(), c.address(), c.port(), c.works(), c.failingList(),
                    c.failingCategory(), c.reason()));
        }
        return Csv.of(List.of("profile", "host_id", "address", "port", "works", "failing_list", "failing_category",
                "reason"), rows);
    }

    /** One host's latest offer negotiated with one profile ({@code client=ID}) or with all. */
    @GET
    @Path("/hosts/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public HostNegotiation host(@PathParam("id") long id, @QueryParam("client") String client) {
        Optional<HostNegotiation> result;
        try {
            result = service.host(id, Optional.ofNullable(client).filter(c -> !c.isBlank()));
        } catch (IllegalArgumentException e) {
            throw badParameter("client", e.getMessage());
        }
        return result.orElseThrow(() -> new NotFoundException("host " + id
                + " is unknown, disabled, or has no captured offer yet"));
    }

    /**
     * What an {@code sshd_config} change and/or a policy would break: which profiles would newly fail (and newly
     * work) on which hosts. Nothing is changed anywhere.
     */
    @POST
    @Path("/what-if")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response whatIf(WhatIfRequest request) {
        Map<String, String> selector = selector(request == null ? null : request.label());
        try {
            WhatIf result = service.whatIf(request, selector);
            return Response.ok(result).build();
        } catch (InvalidChange e) {
            return Problem.unprocessable("the change cannot be applied",
                    List.of(new Problem.FieldError(e.field(), e.getMessage()))).toResponse();
        }
    }

    static Map<String, String> selector(String label) {
        try {
            return Labels.parse(label);
        } catch (IllegalArgumentException e) {
            throw badParameter("label", e.getMessage());
        }
    }

    static BadRequestException badParameter(String field, String message) {
        return new BadRequestException(Problem.of(Status.BAD_REQUEST, "bad parameter",
                List.of(new Problem.FieldError(field, message))).toResponse());
    }

}
