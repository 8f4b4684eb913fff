package dev.kexwatch.pages;

import dev.kexwatch.compatibility.CompatibilityService;
import dev.kexwatch.compatibility.CompatibilityViews.Cell;
import dev.kexwatch.compatibility.CompatibilityViews.Matrix;
import dev.kexwatch.compatibility.CompatibilityViews.WhatIf;
import dev.kexwatch.compatibility.CompatibilityViews.WhatIfRequest;
import dev.kexwatch.compatibility.InvalidChange;
import dev.kexwatch.compliance.PolicyRegistry;
import dev.kexwatch.fleet.Labels;
import dev.kexwatch.pages.Pages.Option;
import dev.kexwatch.policy.Policy;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which client profile can talk to which host, and what an sshd_config change or a policy would break. The
 * what-if is a read (nothing is changed), so its form is a GET: bookmarkable, and no CSRF token needed.
 */
@Path("/ui/compatibility")
@Produces(MediaType.TEXT_HTML)
public class CompatibilityPage {

    /** The matrix on the page shows at most this many hosts (the REST matrix pages through all of them). */
    private static final int MATRIX_HOSTS = 500;

    @Inject
    PageAccess access;

    @Inject
    CompatibilityService compatibility;

    @Inject
    PolicyRegistry policies;

    /** One matrix cell as shown: works, or the first failing list with OpenSSH's reason. */
    public record Mark(boolean works, String list, String reason) {
    }

    /** One host's row of the matrix. */
    public record HostRow(long id, String target, List<Mark> marks) {
    }

    /** One profile/host pair the change would break or fix. */
    public record Impact(String profile, long hostId, String target, String list, String reason) {
    }

    public record View(String label, String sshdConfig, String policy, List<Option> policyOptions,
            List<String> profiles, List<HostRow> rows, long hostsWithoutOffer, String error, boolean asked,
            int hostsChanged, List<Impact> broken, List<Impact> fixed) {
    }

    @GET
    public TemplateInstance page(@QueryParam("label") String label, @QueryParam("sshdConfig") String sshdConfig,
            @QueryParam("policy") String policy) {
        String l = Pages.blankToEmpty(label);
        String config = sshdConfig == null ? "" : sshdConfig;
        String p = Pages.blankToEmpty(policy);
        Visitor v = access.reader("/ui/compatibility?" + Pages.query(Map.of("label", l, "sshdConfig", config,
                "policy", p)));
        List<String> policyIds = policies.policies().policies().stream().map(Policy::id).sorted().toList();
        Map<String, String> selector;
        try {
            selector = Labels.parse(l.isEmpty() ? null : l);
        } catch (IllegalArgumentException e) {
            return Views.compatibility(v, new View(l, config, p, Option.of(policyIds, p, "none"), List.of(), List.of(),
                    0, "label: " + e.getMessage(), false, 0, List.of(), List.of()));
        }
        Matrix matrix = compatibility.matrix(selector, 0, MATRIX_HOSTS);
        boolean asked = !config.isBlank() || !p.isEmpty();
        String error = "";
        WhatIf whatIf = null;
        if (asked) {
            try {
                whatIf = compatibility.whatIf(new WhatIfRequest(config, p.isEmpty() ? null : p, l), selector);
            } catch (InvalidChange e) {
                error = e.field() + ": " + e.getMessage();
            }
        }
        return Views.compatibility(v, new View(l, config, p, Option.of(policyIds, p, "none"), matrix.profiles(),
                rows(matrix), matrix.hostsWithoutOffer(), error, whatIf != null,
                whatIf == null ? 0 : whatIf.hostsChanged(), impacts(whatIf == null ? List.of() : whatIf.newlyBroken()),
                impacts(whatIf == null ? List.of() : whatIf.newlyWorking())));
    }

    private static List<HostRow> rows(Matrix matrix) {
        Map<Long, Map<String, Cell>> byHost = new LinkedHashMap<>();
        Map<Long, String> targets = new LinkedHashMap<>();
        for (Cell c : matrix.cells()) {
            byHost.computeIfAbsent(c.hostId(), h -> new LinkedHashMap<>()).put(c.profile(), c);
            targets.put(c.hostId(), c.address() + ":" + c.port());
        }
        List<HostRow> rows = new ArrayList<>();
        byHost.forEach((id, cells) -> rows.add(new HostRow(id, targets.get(id), matrix.profiles().stream()
                .map(p -> cells.get(p)).map(c -> c == null ? new Mark(false, "", "not computed")
                        : new Mark(c.works(), c.failingList().orElse(""), c.reason().orElse("")))
                .toList())));
        return rows;
    }

    private static List<Impact> impacts(List<Cell> cells) {
        return cells.stream().map(c -> new Impact(c.profile(), c.hostId(), c.address() + ":" + c.port(),
                c.failingList().orElse(""), c.reason().orElse(""))).toList();
    }
}
