package dev.kexwatch.scan;

import dev.kexwatch.fleet.Labels;
import dev.kexwatch.fleet.ScanRuns;
import dev.kexwatch.web.Page;
import dev.kexwatch.web.Problem;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestResponse;

/** Starts, follows and cancels scans. */
@Path("/api/scans")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {

    @Inject
    ScanService scans;

    @Inject
    ScanRuns runs;

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

    /** The scans, newest first, one page at a time ({@code page} from 0, {@code size} up to 500). */
    @GET
    @Transactional
    public Page<ScanView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<ScanView> items = runs.newestFirst(page, size)
                .stream().map(ScanView::of).toList();
        return new Page<>(items, page, size, runs.count());
    }

    /** One scan; for the running one with live progress: outcomes so far and an ETA. */
    @GET
    @Path("/{id}")
    public RestResponse<ScanView> get(@PathParam("id") long id) {
        return scans.find(id).map(RestResponse::ok).orElse(RestResponse.notFound());
    }

    /**
     * Takes up an interrupted, cancelled or failed scan where it stopped: 202, or 409 when it cannot be resumed
     * (finished, running) or another scan runs; 404 for a scan that does not exist.
     */
    @POST
    @Path("/{id}/resume")
    public Response resume(@PathParam("id") long id) {
        if (scans.find(id).isEmpty()) {
            return unknown(id);
        }
        return scans.resume(id).map(view -> Response.accepted(view).build())
                .orElseGet(() -> Problem.of(Status.CONFLICT, "scan " + id + " cannot be resumed now").toResponse());
    }

    /** 202 when the running scan will stop after the probes in flight; 409 when it is not running; 404 unknown. */
    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") long id) {
        if (scans.find(id).isEmpty()) {
            return unknown(id);
        }
        return scans.cancel(id) ? Response.accepted().build()
                : Problem.of(Status.CONFLICT, "scan " + id + " is not running").toResponse();
    }

    private static Response unknown(long id) {
        return Problem.of(Status.NOT_FOUND, "no scan " + id).toResponse();
    }
}
