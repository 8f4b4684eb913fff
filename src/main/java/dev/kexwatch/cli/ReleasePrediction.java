package dev.kexwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.FixAdvisor;
import dev.kexwatch.negotiation.NegotiationReport;
import dev.kexwatch.negotiation.Negotiator;
import dev.kexwatch.negotiation.Release;
import dev.kexwatch.negotiation.ReleaseCatalog;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code negotiate --server-release RELEASE}: clients against a release's default server offer from the
 * catalogue, without probing anything; and {@code negotiate --list-releases}.
 */
final class ReleasePrediction {

    /** OpenSSH's "Unable to negotiate with HOST port P" needs a port: a release stands on the default one. */
    private static final int SSH_PORT = 22;
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    private ReleasePrediction() {
    }

    /** The catalogue, one release a line (or one JSON object a line). */
    static int list(PrintWriter out, boolean json) {
        for (Release release : ReleaseCatalog.builtIn().all()) {
            if (json) {
                ObjectNode node = MAPPER.createObjectNode().put("id", release.id()).put("product", release.product())
                        .put("version", release.version()).put("source", release.source());
                node.set("unverified", MAPPER.valueToTree(release.unverified()));
                release.clientProfile().ifPresent(id -> node.put("clientProfile", id));
                out.println(node);
            } else {
                out.printf("%-20s %s %s%s%n", release.id(), release.product(), release.version(),
                        release.unverified().isEmpty() ? "" : "  (unverified: " + String.join(", ", release.unverified()) + ")");
            }
        }
        return TargetReport.GOOD;
    }

    /** The default server offer predicted against, list key to names, so the catalogue's data can be read back. */
    private static ObjectNode offer(Release release) {
        ObjectNode offer = MAPPER.createObjectNode();
        ServerOffer server = release.defaultServerOffer();
        for (KexList list : ClientProfile.NEGOTIATED) {
            offer.set(list.key(), MAPPER.valueToTree(server.get(list)));
        }
        return offer;
    }

    /**
     * Negotiates every profile against the release's default offer (a default install's host keys); fixes are in
     * that server's terms (build options for Dropbear, keys or an upgrade for tinysshd, never sshd_config there).
     *
     * @throws IllegalArgumentException for an unknown release id (the message lists the catalogue)
     */
    static int predict(PrintWriter out, List<ClientProfile> profiles, String releaseId, boolean json) {
        ReleaseCatalog catalog = ReleaseCatalog.builtIn();
        Release release = catalog.find(releaseId).orElseThrow(() -> new IllegalArgumentException("no release '"
                + releaseId + "' in the catalogue; known: " + String.join(", ", catalog.ids())));
        Negotiator negotiator = new Negotiator(FixAdvisor.preferringSound(AlgorithmCatalog.builtin()));
        List<NegotiationReport> reports = profiles.stream().map(p -> NegotiationReport.of(p,
                negotiator.negotiate(p, release.defaultServerOffer(), release.serverKind()), release.id(), SSH_PORT)).toList();
        int code = reports.stream().allMatch(NegotiationReport::works) ? TargetReport.GOOD
                : NegotiateCommand.NEGOTIATION_FAILS;
        if (json) {
            ObjectNode node = MAPPER.createObjectNode().put("release", release.id()).put("product", release.product())
                    .put("version", release.version()).put("exitCode", code);
            node.set("serverOffer", offer(release));
            node.set("clients", MAPPER.valueToTree(reports));
            out.println(node);
        } else {
            out.printf("%s  default server offer of %s %s (predicted, not probed)%n", release.id(), release.product(),
                    release.version());
            reports.forEach(report -> NegotiationText.client(out, report, new Colour(false)));
            out.println();
        }
        return code;
    }
}
