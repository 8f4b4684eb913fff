package dev.kexwatch.capture;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.fleet.CapturedClient;
import dev.kexwatch.listen.ClientReview;
import dev.kexwatch.listen.ProfileFile;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The JSON shapes of {@code /api/captured-clients}. */
public final class CapturedClientViews {

    private CapturedClientViews() {
    }

    /**
     * Whether this replica listens, and where (the bound port, also when {@code kexwatch.listen.port=0}).
     *
     * @param policy the configured client policy id ({@code kexwatch.listen.policy})
     * @param policyProblem why that policy does not judge the captures now (not in force); empty when it does
     */
    public record ListenerStatus(boolean enabled, Optional<String> bind, Optional<Integer> port, int maxConnections,
            String replica, String policy, Optional<String> policyProblem) {
    }

    /**
     * A capture in the list: what the client sent and the client policy's verdict at capture time.
     *
     * @param lists the ten lists keyed as in {@code scan --json}, each in the client's order
     * @param worstSeverity a Severity enum name; empty when compliant
     */
    public record Summary(long id, String identification, String peer, String replica, Instant capturedAt,
            Map<String, List<String>> lists, String policy, boolean compliant, Optional<String> worstSeverity,
            List<String> findingRules, String profileId) {

        static Summary of(CapturedClient client) {
            return new Summary(client.id(), client.identification(), client.peer(), client.replica(),
                    client.capturedAt(), listsOf(client.lists()), client.policyId(), client.compliant(),
                    client.worstSeverity().map(Enum::name), client.findingRules(),
                    CapturedClientService.defaultId(client));
        }
    }

    /** One page of captures, newest first. */
    public record Page(List<Summary> items, int page, int size, long total) {
    }

    /** A finding of the client policy with its fix in the client's own configuration syntax. */
    public record ClientFinding(String rule, String severity, String category, Optional<String> direction,
            List<String> names, String rationale, String remediation) {
    }

    /** The client policy's verdict now, finding by finding. */
    public record Judgement(String id, String version, boolean compliant, Optional<String> worstSeverity,
            List<ClientFinding> findings) {

        static Judgement of(ClientReview review) {
            Evaluation evaluation = review.evaluation();
            List<ClientFinding> findings = new ArrayList<>();
            for (int i = 0; i < evaluation.findings().size(); i++) {
                Finding f = evaluation.findings().get(i);
                findings.add(new ClientFinding(f.ruleId(), f.severity().name(), f.category().id(),
                        f.direction().map(d -> d.id()), f.names(), f.rationale(), review.remediation().get(i)));
            }
            return new Judgement(evaluation.policyId(), evaluation.policyVersion(), evaluation.compliant(),
                    evaluation.worst().map(Enum::name), findings);
        }
    }

    /**
     * One capture in full.
     *
     * @param policy the client policy's findings, judged now, each with its remediation in the client's syntax
     * @param profile the capture in the client-profile format, under the id a promotion without a name gives it
     */
    public record Detail(Summary capture, Judgement policy, Map<String, Object> profile) {

        static Detail of(CapturedClient client, ClientReview review) {
            return new Detail(Summary.of(client), Judgement.of(review), ProfileFile.fields(review.profile()));
        }
    }

    /** {@code POST .../promote}: the profile id; empty or absent derives it from the identification. */
    public record PromoteRequest(String name) {
    }

    static Map<String, List<String>> listsOf(ServerOffer offer) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (KexList list : KexList.values()) {
            lists.put(list.key(), offer.get(list));
        }
        return lists;
    }
}
