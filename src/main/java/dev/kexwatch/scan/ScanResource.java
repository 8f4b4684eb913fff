package dev.kexwatch.scan;

import dev.kexwatch.web.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

/** Starts scans and shows their progress. */
@Path("/api/scans")
public class ScanResource {

    @Inject
    ScanService scans;

    /** 202 with the new scan, or 409 while another scan runs. */
    @POST
    public Response start() {
        return scans.start("api")
                .map(view -> Response.accepted(view).location(URI.create("/api/scans/" + view.id())).build())
                .orElseGet(() -> Problem.of(Status.CONFLICT, "a scan is running already").toResponse());
    }

    @GET
    public List<ScanView> list() {
        return ScanRun.<ScanRun>find("order by startedAt desc").page(0, 50).list().stream().map(ScanView::of).toList();
    }

    @GET
    @Path("/{id}")
    public RestResponse<ScanView> get(@PathParam("id") long id) {
        return ScanRun.<ScanRun>findByIdOptional(id).map(ScanView::of).map(RestResponse::ok)
                .orElse(RestResponse.notFound());
    }
}
