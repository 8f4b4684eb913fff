package dev.kexwatch.compliance;

import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyException;
import dev.kexwatch.web.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The policies in force: list them, see the last load's errors, check a policy without installing it, and
 * install one (validated first; the stored offers are judged again at once, without probing).
 */
@Path("/api/policies")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    PolicyRegistry registry;

    @GET
    public List<PolicySummary> list() {
        return registry.policies().policies().stream().map(PolicySummary::of).toList();
    }

    @GET
    @Path("/{id}")
    public RestResponse<PolicySummary> get(@PathParam("id") String id) {
        return registry.policies().byId(id).map(PolicySummary::of).map(RestResponse::ok)
                .orElse(RestResponse.notFound());
    }

    /** The outcome of the last load: when, and the problems if the last good set stayed in force. */
    @GET
    @Path("/status")
    public PolicyRegistry.LoadStatus status() {
        return registry.status();
    }

    /** Dry run: 200 with the policy's summary when it is valid, 422 with located problems when not. */
    @POST
    @Path("/validate")
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    public Response validate(String yaml) {
        try {
            return Response.ok(PolicySummary.of(registry.validate(yaml, "posted policy"))).build();
        } catch (PolicyException e) {
            return problems(e);
        }
    }

    /** Installs a policy as {@code <id>.yaml}: 200 when in force, 422 with located problems and nothing changed. */
    @PUT
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", "text/plain"})
    public Response install(String yaml) {
        try {
            Policy policy = registry.install(yaml);
            return Response.ok(PolicySummary.of(policy)).build();
        } catch (PolicyException e) {
            return problems(e);
        }
    }

    private static Response problems(PolicyException e) {
        List<Problem.FieldError> errors = e.problems().stream()
                .map(p -> new Problem.FieldError("line " + p.line() + ", column " + p.column(), p.message())).toList();
        return Problem.unprocessable("the policy is invalid; nothing was installed", errors).toResponse();
    }
}
