package dev.kexwatch.policy;

import dev.kexwatch.algorithm.ServerOffer;
import java.time.LocalDate;

/** Judges an offer against a policy: a pure function (TODO(policy helper)). */
public final class PolicyEngine {

    /** {@code today} decides which waivers are still in force. */
    public Evaluation evaluate(Policy policy, ServerOffer offer, HostRef host, LocalDate today) {
        throw new UnsupportedOperationException("TODO(policy helper)");
    }
}
