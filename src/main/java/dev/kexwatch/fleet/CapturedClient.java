package dev.kexwatch.fleet;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.policy.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A client captured by a replica's listener, as stored: what it sent, and the client policy's verdict at
 * capture time. Text is as the listener escaped it.
 *
 * @param id 0 until stored
 * @param lists the ten name-lists of its KEXINIT, each in the client's order
 * @param findingRules the rule ids of the policy's findings, in the policy's order
 */
public record CapturedClient(long id, String identification, String peer, String replica, ServerOffer lists,
        String policyId, boolean compliant, Optional<Severity> worstSeverity, List<String> findingRules,
        Instant capturedAt) {

    public CapturedClient {
        findingRules = List.copyOf(findingRules);
    }
}
