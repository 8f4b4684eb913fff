package dev.kexwatch.scan;

import dev.kexwatch.inventory.Labels;
import dev.kexwatch.web.Problem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** Starts, follows and cancels scans. */
@Path("/api/scans")
public class ScanResource {

    @Inject
    ScanService scans;

    @Inject
    ScanCalendar calendar;

    /**
     * 202 with the new scan, or 409 while another scan runs. {@code label=env=prod,role=db} narrows it to the
     * hosts carrying every label.
     */
    @POST
    public Response start(@QueryParam("label") String label) {
        Map<String, String> selector;
        try {
            selector = Labels.parse(label);
        } catch (IllegalArgumentException e) {
            return Problem.of(Status.BAD_REQUEST, "bad query parameter",
                    List.of(new Problem.FieldError("label", e.getMessage()))).toResponse();
        }
        return scans.start("api", selector)
                .map(view -> Response.accepted(view).location(URI.create("/api/scans/" + view.id())).build())
                .orElseGet(() -> Problem.of(Status.CONFLICT, "a scan is running already").toResponse());
    }

    /** The latest scans, newest first. */
    @GET
    public List<ScanView> list(@QueryParam("limit") Integer limit) {
        int size = limit == null ? 50 : Math.max(1, Math.min(limit, 500));
        return calendar.latest(size);
    }

    /** One scan; for the running one with live progress: outcomes so far and an ETA. */
    @GET
    @Path("/{id}")
    public RestResponse<ScanView> get(@PathParam("id") long id) {
        return scans.find(id).map(RestResponse::ok).orElse(RestResponse.notFound());
    }

    /**
     * Takes up an interrupted, cancelled or failed scan where it stopped: 202, or 409 when it cannot be resumed
     * (finished, running, unknown) or another scan runs.
     */
    @POST
    @Path("/{id}/resume")
    public Response resume(@PathParam("id") long id) {
        return scans.resume(id).map(view -> Response.accepted(view).build())
                .orElseGet(() -> Problem.of(Status.CONFLICT, "scan " + id + " cannot be resumed now").toResponse());
    }

    /** 202 when the running scan will stop after the probes in flight; 409 when it is not running. */
    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") long id) {
        return scans.cancel(id) ? Response.accepted().build()
                : Problem.of(Status.CONFLICT, "scan " + id + " is not running").toResponse();
    }
}
