package dev.kexwatch.capture;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.capture.CapturedClientViews.Detail;
import dev.kexwatch.capture.CapturedClientViews.ListenerStatus;
import dev.kexwatch.capture.CapturedClientViews.Page;
import dev.kexwatch.capture.CapturedClientViews.PromoteRequest;
import dev.kexwatch.capture.CapturedClientViews.Summary;
import dev.kexwatch.compatibility.CompatibilityViews.ProfileView;
import dev.kexwatch.negotiation.ProfileFormatException;
import dev.kexwatch.scan.ReplicaId;
import dev.kexwatch.web.Csv;
import dev.kexwatch.web.Problem;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
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
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * SSH clients captured by the replicas' listeners ({@code kexwatch.listen.port}): listed (JSON or CSV), shown with
 * the client policy's findings and fixes in the client's own syntax, promoted to client profiles (which then join
 * the compatibility matrix, what-if and {@code kexwatch_client_unreachable_hosts}), deleted.
 */
@Path("/api/captured-clients")
@Produces(MediaType.APPLICATION_JSON)
public class CapturedClientResource {

    private static final String CSV = "text/csv";

    @Inject
    CapturedClientService service;

    @Inject
    ClientListener listener;

    @Inject
    ClientPolicy policy;

    @Inject
    ReplicaId replica;

    /** Whether this replica listens, on which address and port, and by which client policy it judges. */
    @GET
    @Path("/listener")
    public ListenerStatus listener() {
        Optional<InetSocketAddress> address = listener.address();
        return new ListenerStatus(address.isPresent(), address.map(a -> a.getAddress().getHostAddress()),
                address.map(InetSocketAddress::getPort), listener.maxConnections(), replica.id(), policy.id(),
                policy.problem());
    }

    @GET
    public Page list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return new Page(service.page(page, size).stream().map(Summary::of).toList(), page, size, service.count());
    }

    @GET
    @Produces(CSV)
    public String listCsv(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("1000") @Min(1) @Max(10000) int size) {
        List<String> header = new ArrayList<>(List.of("id", "captured_at", "peer", "replica", "identification",
                "policy", "compliant", "worst_severity", "finding_rules", "profile_id"));
        Arrays.stream(KexList.values()).map(KexList::key).forEach(header::add);
        List<List<?>> rows = new ArrayList<>();
        for (Summary s : list(page, size).items()) {
            List<Object> row = new ArrayList<>(List.of(s.id(), s.capturedAt(), s.peer(), s.replica(),
                    s.identification(), s.policy(), s.compliant(), s.worstSeverity(), s.findingRules(), s.profileId()));
            row.addAll(s.lists().values()); // in KexList order, as the header
            rows.add(row);
        }
        return Csv.of(header, rows);
    }

    @GET
    @Path("/{id}")
    public Detail show(@PathParam("id") long id) {
        return service.find(id).map(client -> Detail.of(client, service.review(client)))
                .orElseThrow(() -> notFound(id));
    }

    /** 201 with the new profile; its id is the body's {@code name} or derived from the identification. */
    @POST
    @Path("/{id}/promote")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response promote(@PathParam("id") long id, PromoteRequest request) {
        Optional<String> name = Optional.ofNullable(request).map(PromoteRequest::name).filter(n -> !n.isEmpty());
        try {
            return service.promote(id, name).map(p -> Response.status(Status.CREATED)
                    .entity(ProfileView.of(p, "api")).build()).orElseThrow(() -> notFound(id));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(Problem.of(Status.BAD_REQUEST, "bad field",
                    List.of(new Problem.FieldError("name", e.getMessage()))).toResponse());
        } catch (IllegalStateException e) {
            throw new ClientErrorException(Problem.of(Status.CONFLICT, e.getMessage()).toResponse());
        } catch (ProfileFormatException e) {
            return Problem.unprocessable("the capture cannot be a client profile", List.of(
                    new Problem.FieldError("profile", e.getMessage()))).toResponse();
        }
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        if (!service.delete(id)) {
            throw notFound(id);
        }
        return Response.noContent().build();
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("no captured client " + id);
    }
}
