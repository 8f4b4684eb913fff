package dev.kexwatch.report;

import dev.kexwatch.fleet.DeepFleetViews.ExpiringCertificate;
import dev.kexwatch.fleet.DeepFleetViews.HostKeyChanges;
import dev.kexwatch.fleet.DeepFleetViews.SharedHostKey;
import dev.kexwatch.fleet.DeepFleetViews.Sizes;
import dev.kexwatch.fleet.DeepQueries;
import dev.kexwatch.web.Csv;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Fleet views of the deep handshake (issue 12) over the enabled hosts' latest host keys and group sizes, as JSON
 * and as CSV ({@code Accept: text/csv}). Key ids, principals and fingerprints come from servers: the CSV writer
 * makes them safe.
 */
@Path("/api/reports/host-keys")
@Produces(MediaType.APPLICATION_JSON)
public class HostKeyResource {

    @Inject
    DeepQueries queries;

    @Inject
    Clock clock;

    /** Host keys (by fingerprint) that hosts on more than one address show, with those hosts. */
    @GET
    @Path("/shared")
    public List<SharedHostKey> shared() {
        return queries.sharedHostKeys();
    }

    @GET
    @Path("/shared")
    @Produces(ReportResource.CSV)
    public String sharedCsv() {
        List<List<?>> rows = new ArrayList<>();
        shared().forEach(key -> key.hosts().forEach(h -> rows.add(
                Arrays.asList(key.fingerprint(), key.type(), key.bits(), h.hostId(), h.address(), h.port()))));
        return Csv.of(List.of("fingerprint", "type", "bits", "host_id", "address", "port"), rows);
    }

    /** Hosts whose host keys changed, appeared or went away in the deep pass after a scan (default: the latest). */
    @GET
    @Path("/changes")
    public List<HostKeyChanges> changes(@QueryParam("scan") Long scan) {
        return queries.hostKeyChanges(Optional.ofNullable(scan));
    }

    @GET
    @Path("/changes")
    @Produces(ReportResource.CSV)
    public String changesCsv(@QueryParam("scan") Long scan) {
        List<List<?>> rows = new ArrayList<>();
        changes(scan).forEach(host -> host.changes().forEach(c -> rows.add(Arrays.asList(host.hostId(),
                host.address(), host.port(), host.scanId(), c.algorithm(), c.change(), c.from(), c.to()))));
        return Csv.of(List.of("host_id", "address", "port", "scan_id", "algorithm", "change", "from", "to"), rows);
    }

    /** How many hosts show host keys of each type and size, and groups of each size. */
    @GET
    @Path("/sizes")
    public Sizes sizes() {
        return queries.sizes();
    }

    @GET
    @Path("/sizes")
    @Produces(ReportResource.CSV)
    public String sizesCsv() {
        Sizes sizes = sizes();
        List<List<?>> rows = new ArrayList<>();
        sizes.hostKeys().forEach(k -> rows.add(Arrays.asList("host_key", k.type(), k.bits(), k.hosts())));
        sizes.groups().forEach(g -> rows.add(Arrays.asList("group", null, g.bits(), g.hosts())));
        return Csv.of(List.of("kind", "type", "bits", "hosts"), rows);
    }

    /** Host certificates expired or expiring within {@code days} days (default 30), soonest first. */
    @GET
    @Path("/certificates")
    public List<ExpiringCertificate> certificates(
            @QueryParam("days") @DefaultValue("30") @Min(0) @Max(36500) int days) {
        return queries.expiringCertificates(clock.instant(), days);
    }

    @GET
    @Path("/certificates")
    @Produces(ReportResource.CSV)
    public String certificatesCsv(@QueryParam("days") @DefaultValue("30") @Min(0) @Max(36500) int days) {
        List<List<?>> rows = new ArrayList<>();
        for (ExpiringCertificate e : certificates(days)) {
            var c = e.certificate();
            rows.add(Arrays.asList(e.hostId(), e.address(), e.port(), e.algorithm(), e.fingerprint(), c.keyId(),
                    c.serial(), c.principals(), c.validAfter(), c.validBefore(), c.ca().type(), c.ca().bits(),
                    c.ca().fingerprint()));
        }
        return Csv.of(List.of("host_id", "address", "port", "algorithm", "fingerprint", "key_id", "serial",
                "principals", "valid_after", "valid_before", "ca_type", "ca_bits", "ca_fingerprint"), rows);
    }
}
