package dev.kexwatch.pages;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.AlgorithmInfo;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.compatibility.CompatibilityService;
import dev.kexwatch.fleet.Drift;
import dev.kexwatch.fleet.FleetQueries;
import dev.kexwatch.fleet.HistoryEntry;
import dev.kexwatch.fleet.HostCompliance.FindingView;
import dev.kexwatch.fleet.HostDetail;
import dev.kexwatch.negotiation.NegotiationReport;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One host: what it said, what the policies found, what to type to fix it, how it changed, who can connect. */
@Path("/ui/hosts/{id}")
@Produces(MediaType.TEXT_HTML)
public class HostPage {

    /** History runs shown, newest first (each with its drift from the run before). */
    static final int TIMELINE = 20;

    private static final AlgorithmCatalog CATALOG = AlgorithmCatalog.builtin();

    @Inject
    PageAccess access;

    @Inject
    FleetQueries fleet;

    @Inject
    CompatibilityService compatibility;

    /** One offered name with the catalog's verdict and where that verdict comes from. */
    public record Name(String name, String verdict, String reasons, String source) {
    }

    /** One of the ten lists as offered. */
    public record OfferedList(String key, String rfcName, List<Name> names) {
    }

    /** One run of the history with what changed from the run before it. */
    public record Run(String from, String to, long firstScan, long lastScan, int seen, String outcome,
            String identification, List<String> changes) {
    }

    public record View(HostDetail host, String target, String labels, String probedAt, List<OfferedList> lists,
            List<FindingView> findings, List<Run> timeline, List<NegotiationReport> negotiation) {
    }

    @GET
    public TemplateInstance host(@PathParam("id") long id) {
        Visitor v = access.reader("/ui/hosts/" + id);
        HostDetail host = fleet.host(id)
                .orElseThrow(() -> Pages.error(404, "No such host", "There is no host " + id + ".", v));
        return Views.host(v, new View(host, host.compliance().address() + ":" + host.compliance().port(),
                Pages.labels(host.compliance().labels()), Pages.when(host.compliance().probedAt()), lists(host),
                host.compliance().findings(), timeline(id, host.history()),
                compatibility.host(id, Optional.empty()).map(n -> n.results()).orElse(List.of())));
    }

    private static List<OfferedList> lists(HostDetail host) {
        List<OfferedList> lists = new ArrayList<>();
        for (KexList list : KexList.values()) {
            List<String> names = host.lists().get(list.key());
            if (names == null) {
                continue;
            }
            lists.add(new OfferedList(list.key(), list.rfcName(), names.stream().map(n -> {
                AlgorithmInfo info = CATALOG.describe(list.category(), n);
                return new Name(n, info.verdict().name(), String.join("; ", info.reasons()),
                        info.source() == null ? "" : info.source());
            }).toList()));
        }
        return lists;
    }

    private List<Run> timeline(long hostId, List<HistoryEntry> history) {
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < Math.min(TIMELINE, history.size()); i++) {
            HistoryEntry run = history.get(i);
            List<String> changes = i + 1 < history.size()
                    ? changes(fleet.drift(hostId, history.get(i + 1).lastScanId(), run.firstScanId()))
                    : List.of("first result");
            runs.add(new Run(Pages.when(run.firstSeenAt()), Pages.when(run.lastSeenAt()), run.firstScanId(),
                    run.lastScanId(), run.seen(), run.outcome(), run.identification() == null ? "" : run.identification(),
                    changes));
        }
        return runs;
    }

    private static List<String> changes(Optional<Drift> drift) {
        List<String> lines = new ArrayList<>();
        drift.ifPresent(d -> {
            if (d.fromOutcome() != null && !d.fromOutcome().equals(d.toOutcome())) {
                lines.add("outcome " + d.fromOutcome() + " → " + d.toOutcome());
            }
            d.lists().forEach((list, change) -> {
                change.added().forEach(n -> lines.add(list + ": + " + n));
                change.removed().forEach(n -> lines.add(list + ": − " + n));
            });
        });
        if (lines.isEmpty()) {
            lines.add("same offer, identification comment aside");
        }
        return lines;
    }
}
