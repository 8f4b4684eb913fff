package dev.kexwatch.pages;

import dev.kexwatch.fleet.Labels;
import dev.kexwatch.fleet.ScanRun;
import dev.kexwatch.scan.ScanCalendar;
import dev.kexwatch.scan.ScanService;
import dev.kexwatch.scan.ScanView;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;

/** Scans: the latest ones, a running one's progress live, and (for operators) start, cancel and resume. */
@Path("/ui/scans")
@Produces(MediaType.TEXT_HTML)
public class ScansPage {

    @Inject
    PageAccess access;

    @Inject
    ScanService scans;

    @Inject
    ScanCalendar calendar;

    /** A scan as the pages show it. */
    public record Row(long id, String trigger, String selector, String status, String startedAt, String finishedAt,
            int done, int total, int percent, String outcomes, String eta, boolean resumable) {

        static Row of(ScanView s) {
            StringBuilder outcomes = new StringBuilder();
            (s.outcomes().isEmpty() ? s.summary() : s.outcomes()).forEach((k, n) -> outcomes
                    .append(outcomes.isEmpty() ? "" : ", ").append(k).append(' ').append(n));
            return new Row(s.id(), s.trigger(), Pages.labels(s.selector()), s.status().name(),
                    Pages.when(s.startedAt()), s.finishedAt() == null ? "" : Pages.when(s.finishedAt()), s.done(),
                    s.total(), s.total() == 0 ? 100 : s.done() * 100 / s.total(), outcomes.toString(),
                    s.etaSeconds() == null ? "" : s.etaSeconds() + " s",
                    s.status() != ScanRun.Status.running && s.status() != ScanRun.Status.finished);
        }
    }

    @GET
    public TemplateInstance list() {
        Visitor v = access.reader("/ui/scans");
        return Views.scans(v, calendar.latest(50).stream().map(Row::of).toList(),
                calendar.nextScheduled().map(Pages::when).orElse("not scheduled"));
    }

    @GET
    @Path("{id}")
    public TemplateInstance scan(@PathParam("id") long id) {
        Visitor v = access.reader("/ui/scans/" + id);
        ScanView scan = scans.find(id)
                .orElseThrow(() -> Pages.error(404, "No such scan", "There is no scan " + id + ".", v));
        return Views.scan(v, Row.of(scan));
    }

    /** The progress the scan page polls (JSON, the API's shape), read with the page's rights. */
    @GET
    @Path("{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Row progress(@PathParam("id") long id) {
        Visitor v = access.visitor();
        if (!v.canRead()) {
            throw new jakarta.ws.rs.NotAuthorizedException("sign in");
        }
        return scans.find(id).map(Row::of).orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("label") String label, @FormParam("csrf") String csrf) {
        Visitor v = access.operator(csrf);
        Map<String, String> selector;
        try {
            selector = Labels.parse(label == null || label.isBlank() ? null : label);
        } catch (IllegalArgumentException e) {
            throw Pages.error(400, "Bad label selector", e.getMessage(), v);
        }
        ScanView started = scans.start("ui", selector)
                .orElseThrow(() -> Pages.error(409, "A scan is running already", "Wait for it, or cancel it.", v));
        return Response.seeOther(URI.create("/ui/scans/" + started.id())).build();
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id, @FormParam("csrf") String csrf) {
        Visitor v = access.operator(csrf);
        if (!scans.cancel(id)) {
            throw Pages.error(409, "Scan " + id + " is not running", "Nothing to cancel.", v);
        }
        return Response.seeOther(URI.create("/ui/scans/" + id)).build();
    }

    @POST
    @Path("{id}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resume(@PathParam("id") long id, @FormParam("csrf") String csrf) {
        Visitor v = access.operator(csrf);
        scans.resume(id).orElseThrow(() -> Pages.error(409, "Scan " + id + " cannot be resumed now",
                "Only an interrupted, cancelled or failed scan can be resumed, and only while no other scan runs.", v));
        return Response.seeOther(URI.create("/ui/scans/" + id)).build();
    }
}
