package dev.kexwatch.inventory;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import dev.kexwatch.web.Problem;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Lists, adds and removes hosts of the inventory. */
@Path("/api/hosts")
public class InventoryResource {

    @Inject
    InventoryService inventory;

    @GET
    public List<HostView> list() {
        return inventory.list().stream().map(HostView::of).toList();
    }

    @GET
    @Path("/{id}")
    public RestResponse<HostView> get(@PathParam("id") long id) {
        return inventory.find(id).map(HostView::of).map(RestResponse::ok).orElse(RestResponse.notFound());
    }

    @POST
    public Response add(@Valid @NotNull HostSpec spec) {
        return inventory.add(spec)
                .map(HostView::of)
                .map(view -> Response.created(URI.create("/api/hosts/" + view.id())).entity(view).build())
                .orElseGet(() -> Response.status(Status.CONFLICT).type(Problem.MEDIA_TYPE)
                        .entity(Problem.of(Status.CONFLICT, "host " + spec.address() + ":" + spec.portOrDefault() + " exists already"))
                        .build());
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") long id) {
        return inventory.remove(id) ? Response.noContent().build() : Response.status(Status.NOT_FOUND).build();
    }
}
