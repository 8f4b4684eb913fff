package dev.kexwatch.pages;

import dev.kexwatch.compliance.PolicyRegistry;
import dev.kexwatch.fleet.Labels;
import dev.kexwatch.pages.Pages.Option;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.report.ComplianceReport;
import dev.kexwatch.report.ComplianceReports;
import dev.kexwatch.scan.ScanCalendar;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compliance report of a policy over the hosts of a label selector, as of one scan: a printable page and
 * the same document as PDF. Without a scan the latest finished one is chosen and the browser is sent to the
 * URL naming it, so what is filed can be fetched again and says the same.
 */
@Path("/ui/reports")
public class CompliancePage {

    @Inject
    PageAccess access;

    @Inject
    ComplianceReports reports;

    @Inject
    PolicyRegistry policies;

    @Inject
    ScanCalendar calendar;

    @Inject
    PdfRenderer pdf;

    @Inject
    Clock clock;

    public record View(ComplianceReport report, String labels, String started, String finished, String generated,
            List<Option> policyOptions, List<Option> scanOptions, String self, String pdfHref, boolean pdf) {
    }

    @GET
    @Path("compliance")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("policy") @DefaultValue("baseline") String policy,
            @QueryParam("label") String label, @QueryParam("scan") Long scan) {
        Visitor v = access.reader(self("compliance", policy, label, scan));
        return Response.ok(Views.compliance(v, view(v, policy, label, scan, false))).build();
    }

    @GET
    @Path("compliance.pdf")
    @Produces("application/pdf")
    public Response pdf(@QueryParam("policy") @DefaultValue("baseline") String policy,
            @QueryParam("label") String label, @QueryParam("scan") Long scan) {
        Visitor v = access.reader(self("compliance.pdf", policy, label, scan));
        View view = view(v, policy, label, scan, true);
        String name = "kexwatch-" + view.report().policyId() + "-scan-" + view.report().scan().id() + ".pdf";
        return Response.ok(pdf.render(Views.compliance(v, view).render()))
                .header("Content-Disposition", "inline; filename=\"" + name + "\"").build();
    }

    private View view(Visitor v, String policy, String label, Long scan, boolean asPdf) {
        String l = Pages.blankToEmpty(label);
        Map<String, String> labels;
        try {
            labels = Labels.parse(l.isEmpty() ? null : l);
        } catch (IllegalArgumentException e) {
            throw Pages.error(400, "Bad label selector", e.getMessage(), v);
        }
        if (scan == null) {
            long latest = reports.latestScan().orElseThrow(() -> Pages.error(404, "No finished scan yet",
                    "A report is made from a finished scan; start one on the Scans page.", v));
            throw Pages.redirect(self(asPdf ? "compliance.pdf" : "compliance", policy, l, latest));
        }
        ComplianceReport report = reports.report(scan, policy, labels).orElseThrow(() -> Pages.error(404,
                "No such report", "There is no scan " + scan + " or no policy '" + policy + "'.", v));
        List<String> policyIds = policies.policies().policies().stream().map(Policy::id).sorted().toList();
        List<String> scanIds = calendar.latest(50).stream().map(s -> String.valueOf(s.id())).toList();
        return new View(report, Pages.labels(report.labels()), Pages.exact(report.scan().startedAt()),
                Pages.exact(report.scan().finishedAt()), Pages.exact(clock.instant()),
                Option.of(policyIds, policy, "—").subList(1, policyIds.size() + 1),
                Option.of(scanIds, String.valueOf(scan), "—").subList(1, scanIds.size() + 1),
                self("compliance", policy, l, scan), self("compliance.pdf", policy, l, scan), asPdf);
    }

    private static String self(String what, String policy, String label, Long scan) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("policy", policy);
        q.put("label", label);
        q.put("scan", scan == null ? null : String.valueOf(scan));
        return "/ui/reports/" + what + "?" + Pages.query(q);
    }
}
