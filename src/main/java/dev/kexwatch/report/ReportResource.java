package dev.kexwatch.report;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import org.jboss.resteasy.reactive.RestResponse;

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

    /** One host: latest outcome, findings, and the name-lists it offered. */
    @GET
    @Path("/hosts/{id}")
    public RestResponse<HostDetail> host(@PathParam("id") long id) {
        return queries.host(id).map(RestResponse::ok).orElse(RestResponse.notFound());
    }
}
