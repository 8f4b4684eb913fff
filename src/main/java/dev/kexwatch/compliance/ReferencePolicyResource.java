package dev.kexwatch.compliance;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.policy.ReferencePolicy;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.Target;
import dev.kexwatch.security.ScanTargetGuard;
import dev.kexwatch.web.Problem;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/policies/from-host}: probes a known-good host and answers the YAML of a policy that accepts exactly
 * what it offers, for review; nothing is installed (PUT /api/policies does that). Only hosts the scan allowlist
 * permits are probed, so this is no way around it.
 */
@Path("/api/policies/from-host")
public class ReferencePolicyResource {

    /** The reference host and the new policy's id; {@code labels} become its selector. */
    public record FromHost(@NotBlank String host, @Min(1) @Max(65535) Integer port, @NotBlank String id,
            Map<String, String> labels) {
    }

    @Inject
    ProbeEngine engine;

    @Inject
    ScanTargetGuard guard;

    @Inject
    Clock clock;

    private final ReferencePolicy writer = new ReferencePolicy(AlgorithmCatalog.builtin());

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response fromHost(@Valid FromHost request) {
        Optional<String> refused = guard.whyRefusedNow(request.host());
        if (refused.isPresent()) {
            return Problem.of(Response.Status.FORBIDDEN, refused.get()).toResponse();
        }
        Target target = new Target(request.host(), request.port() == null ? Target.SSH_PORT : request.port());
        ProbeResult result = engine.probe(target).join();
        if (result.offer().isEmpty()) {
            return Problem.of(Response.Status.BAD_GATEWAY, target + ": " + result.outcome() + " (" + result.detail()
                    + "); no policy written").toResponse();
        }
        try {
            String yaml = writer.yaml(new ReferencePolicy.Request(request.id(), target.toString(), LocalDate.now(clock),
                    request.labels() == null ? Map.of() : request.labels()), result.offer().get());
            return Response.ok(yaml, "application/yaml").build();
        } catch (IllegalArgumentException e) {
            return Problem.unprocessable(e.getMessage(), List.of()).toResponse();
        }
    }
}
