package dev.kexwatch.policy;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.Category;
import dev.kexwatch.algorithm.HostKeys;
import dev.kexwatch.algorithm.ServerSoftware;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes a {@link HostRemediation} from the per-family plans, in the words of the server it is for. */
final class RemediationText {

    /** The sshd_config keyword per list category, from the catalog. */
    private static final Map<Category, String> KEYWORDS = AlgorithmCatalog.builtin().facts().keywords();
    private static final ServerSoftware.Version COMPRESSION_YES_IS_DELAYED = new ServerSoftware.Version(7, 4);

    private final ServerSoftware software;
    private final String softwareVersion;
    private final List<Policy> policies;
    private final Map<Category, AcceptableLists.Plan> plans;
    private final boolean terrapin;
    private final boolean aeadLeft;

    RemediationText(String softwareVersion, List<Policy> policies, AcceptableLists lists, AlgorithmCatalog catalog) {
        this.software = ServerSoftware.of(softwareVersion);
        this.softwareVersion = softwareVersion;
        this.policies = policies;
        this.plans = lists.plans();
        this.terrapin = lists.terrapinExposed();
        this.aeadLeft = AcceptableLists.aeadLeft(plans, catalog);
    }

    HostRemediation remediation() {
        List<String> advice = new ArrayList<>();
        Optional<String> dropIn = Optional.empty();
        switch (software.kind()) {
            case OPENSSH -> dropIn = openSsh(advice);
            case DROPBEAR -> DropbearAdvice.write(plans, terrapin, softwareVersion, advice);
            case TINYSSH -> tinySsh(advice);
            case OTHER -> other(advice);
        }
        nothingLeft(advice);
        plans.values().forEach(plan -> plan.unmet().forEach(advice::add));
        if (advice.isEmpty()) {
            advice.add("No change needed: the host's algorithms meet every policy in force ("
                    + policyNames() + ").");
        }
        return new HostRemediation(software.kind(), dropIn, String.join("\n", advice));
    }

    private Optional<String> openSsh(List<String> advice) {
        List<String> lines = new ArrayList<>();
        for (AcceptableLists.Plan plan : plans.values()) {
            if (plan.changed() && !plan.target().isEmpty()) {
                lines.add(line(plan));
            }
        }
        if (terrapin) {
            advice.add("Terrapin (CVE-2023-48795): the drop-in leaves out chacha20-poly1305 and CBC ciphers; "
                    + "upgrading to OpenSSH 9.6 or later (strict key exchange) lets you keep them.");
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        advice.add(0, "Write sshdConfig to " + HostRemediation.DROP_IN + " (Debian and Ubuntu include "
                + "/etc/ssh/sshd_config.d/*.conf at the top of sshd_config). Elsewhere put its lines at the top of "
                + "sshd_config, above any other of these keywords and any Match block: sshd keeps the first value of "
                + "each keyword, so appended lines change nothing. Then run sshd -t and reload sshd.");
        String header = "# kexwatch: one remediation for " + policyNames() + "\n# install as "
                + HostRemediation.DROP_IN + "; sshd keeps the first value it reads for each keyword\n";
        return Optional.of(header + String.join("\n", lines) + "\n");
    }

    private String line(AcceptableLists.Plan plan) {
        if (plan.category() != Category.COMPRESSION) {
            return KEYWORDS.get(plan.category()) + " " + String.join(",", plan.target());
        }
        if (plan.target().stream().noneMatch(n -> n.startsWith("zlib"))) {
            return "Compression no";
        }
        boolean old = software.openSshVersion().filter(v -> v.compareTo(COMPRESSION_YES_IS_DELAYED) < 0).isPresent();
        return plan.target().contains("zlib") || !old ? "Compression yes" : "Compression delayed";
    }

    private void tinySsh(List<String> advice) {
        if (terrapin) {
            advice.add("Upgrade tinysshd to 20240101 or later: it adds strict key exchange (CVE-2023-48795, Terrapin).");
        }
        List<String> dropped = droppedNames();
        if (!dropped.isEmpty()) {
            advice.add("tinysshd has no algorithm settings (its set is fixed at build time) and cannot stop offering "
                    + String.join(", ", dropped) + "; upgrade it or put another server in its place.");
        }
    }

    private void other(List<String> advice) {
        if (terrapin) {
            advice.add("Upgrade to a release with strict key exchange (CVE-2023-48795, Terrapin), or stop offering "
                    + "chacha20-poly1305 and CBC ciphers.");
        }
        for (AcceptableLists.Plan plan : plans.values()) {
            if (!plan.dropped().isEmpty()) {
                advice.add("In this server's own settings, stop offering these " + plan.category().id() + " names: "
                        + String.join(", ", plan.dropped()) + ".");
            }
        }
    }

    /** Never an empty list: say which family has nothing acceptable left, and what would give it one. */
    private void nothingLeft(List<String> advice) {
        for (AcceptableLists.Plan plan : plans.values()) {
            boolean spared = plan.category() == Category.MAC && aeadLeft;
            if (!plan.target().isEmpty() || plan.offered().isEmpty() || spared) {
                continue;
            }
            String what = "Nothing the host offers for " + plan.category().id()
                    + " is acceptable to every policy in force (" + policyNames() + ")"
                    + (software.kind() == ServerSoftware.Kind.OPENSSH ? ", so no line is written for it" : "");
            if (plan.category() == Category.HOST_KEY) {
                advice.add(what + ": " + HostKeys.generate(software.kind(), "ssh-ed25519")
                        .orElse("replace the server") + ".");
            } else {
                advice.add(what + ": upgrade the server to a release that offers an acceptable one.");
            }
        }
    }

    private List<String> droppedNames() {
        return plans.values().stream().flatMap(p -> p.dropped().stream()).toList();
    }

    private String policyNames() {
        return policies.stream().map(p -> p.id() + " " + p.version()).collect(Collectors.joining(", "));
    }
}
