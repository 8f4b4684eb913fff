package dev.kexwatch.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;

/** Compliance reports for auditors and dashboards. */
@Path("/api/reports")
public class ReportResource {

    @Inject
    ComplianceQueries queries;

    /** Every enabled host with its latest outcome, pass/fail and findings. */
    @GET
    @Path("/latest")
    public List<HostCompliance> latest() {
        return queries.latest();
    }
}
