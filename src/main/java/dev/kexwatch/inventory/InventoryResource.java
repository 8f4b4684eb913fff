package dev.kexwatch.inventory;

import dev.kexwatch.fleet.Host;
import dev.kexwatch.fleet.Labels;
import dev.kexwatch.web.Page;
import dev.kexwatch.web.Problem;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** Lists, adds, changes, removes and imports hosts of the inventory. */
@Path("/api/hosts")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    @Inject
    InventoryService inventory;

    /** A page of hosts, optionally only those carrying every label of {@code label=env=prod,role=db}. */
    @GET
    public Response list(@QueryParam("label") String label, @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        Map<String, String> selector;
        try {
            selector = Labels.parse(label);
        } catch (IllegalArgumentException e) {
            return badField("label", e.getMessage());
        }
        Page<Host> hosts = inventory.list(selector, page, size);
        return Response.ok(new Page<>(hosts.items().stream().map(HostView::of).toList(), page, size, hosts.total()))
                .build();
    }

    @GET
    @Path("/{id}")
    public RestResponse<HostView> get(@PathParam("id") long id) {
        return inventory.find(id).map(HostView::of).map(RestResponse::ok).orElse(RestResponse.notFound());
    }

    @POST
    public Response add(@Valid @NotNull HostSpec spec) {
        if (spec.address().contains("/")) {
            return badField("address", "a CIDR block is for imports (POST /api/hosts/import); add one host here");
        }
        return inventory.add(spec)
                .map(HostView::of)
                .map(view -> Response.created(URI.create("/api/hosts/" + view.id())).entity(view).build())
                .orElseGet(() -> Problem.of(Status.CONFLICT,
                        "host " + spec.address() + ":" + spec.portOrDefault() + " exists already").toResponse());
    }

    /** Sets a host's labels and enabled flag. */
    @PUT
    @Path("/{id}")
    public RestResponse<HostView> update(@PathParam("id") long id, @Valid @NotNull HostUpdate update) {
        return inventory.update(id, update.labels(), update.enabled()).map(HostView::of).map(RestResponse::ok)
                .orElse(RestResponse.notFound());
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") long id) {
        return inventory.remove(id) ? Response.noContent().build() : Response.status(Status.NOT_FOUND).build();
    }

    /**
     * Imports a YAML ({@code application/yaml}) or CSV ({@code text/csv}) inventory: all or nothing; 422 with
     * one error per bad row (field {@code row 3.port}) and nothing stored.
     */
    @POST
    @Path("/import")
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", "text/csv"})
    public Response importDocument(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, String body) {
        InventoryService.Format format = type != null && type.startsWith("text/csv") ? InventoryService.Format.CSV
                : InventoryService.Format.YAML;
        try {
            return Response.ok(inventory.importText(body, format, "upload")).build();
        } catch (InventoryException e) {
            List<Problem.FieldError> errors = e.rowErrors().stream().map(r -> new Problem.FieldError(field(r),
                    r.message(), r.line() > 0 ? r.line() : null, r.line() > 0 ? r.column() : null)).toList();
            return Problem.unprocessable("the inventory has errors; nothing was imported", errors).toResponse();
        }
    }

    /** {@code row 3.port}, or {@code hosts} for an error about the whole document. */
    private static String field(InventoryException.RowError error) {
        String where = error.where().equals("upload") ? "" : error.where().replaceFirst("^upload: ?", "");
        return where.isEmpty() ? error.field() : error.field().isEmpty() ? where : where + "." + error.field();
    }

    private static Response badField(String field, String message) {
        return Problem.of(Status.BAD_REQUEST, "bad request", List.of(new Problem.FieldError(field, message)))
                .toResponse();
    }
}
