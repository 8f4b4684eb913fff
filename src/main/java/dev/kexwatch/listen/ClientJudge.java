package dev.kexwatch.listen;

import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.negotiation.ClientAdvice;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Finding;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyEngine;
import dev.kexwatch.policy.PolicyLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Judges captured clients by a policy with the server policy engine: a client's KEXINIT has the same ten lists, so
 * the same rules apply (client-side ones in {@code client-baseline}); only the remediation changes sides.
 */
public final class ClientJudge {

    public static final String CLIENT_BASELINE = "client-baseline";

    private final Policy policy;
    private final PolicyEngine engine = new PolicyEngine();

    public ClientJudge(Policy policy) {
        this.policy = policy;
    }

    /** The shipped client policy, read from the classpath. */
    public static Policy clientBaseline() {
        try (InputStream in = ClientJudge.class.getResourceAsStream(CLIENT_BASELINE + ".yaml")) {
            return new PolicyLoader().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    CLIENT_BASELINE + ".yaml (built in)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reviews a captured client under {@code profileId}; {@code capture} must be {@link Capture#captured()}. */
    public ClientReview review(Capture capture, String profileId, LocalDate today) {
        ClientProfile profile = CapturedProfile.of(capture, profileId);
        ServerOffer lists = capture.lists().orElseThrow();
        Evaluation evaluation = engine.evaluate(policy, lists, new HostRef(capture.peer(), 0, Map.of()), today);
        List<String> remediation = evaluation.findings().stream().map(f -> advice(profile, f)).toList();
        return new ClientReview(capture, profile, evaluation, remediation);
    }

    /**
     * A finding's names are either offered (forbidden: remove them) or missing (required: upgrade). A finding on
     * both directions of a list gets both directions' fixes where the client sets them apart (JSch).
     */
    private static String advice(ClientProfile profile, Finding finding) {
        boolean offered = finding.names().stream().anyMatch(finding.evidence()::contains);
        if (!offered) {
            return ClientAdvice.add(profile, finding.names());
        }
        List<KexList> lists = finding.direction().map(d -> List.of(KexList.of(finding.category(), d)))
                .orElseGet(() -> List.of(KexList.of(finding.category(), Direction.C2S),
                        KexList.of(finding.category(), Direction.S2C)));
        return lists.stream().map(list -> ClientAdvice.remove(profile, list, finding.names())).distinct()
                .collect(java.util.stream.Collectors.joining("; "));
    }
}
