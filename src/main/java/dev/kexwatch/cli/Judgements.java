package dev.kexwatch.cli;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.policy.BoundedMemo;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.HostRef;
import dev.kexwatch.policy.HostRemediation;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyEngine;
import dev.kexwatch.policy.Waiver;
import dev.kexwatch.probe.Identification;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.probe.ProbeResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges probe results against one policy, once per distinct answer. A fleet runs few distinct configurations, and
 * judging (globs over every name of every rule, then the remediation text) cost ten times the probe itself per
 * target: a 2,000-target scan spent most of its CPU here. The verdict is a function of the offer, the protocol
 * version, the software (for the remediation) and the waivers that match the host, so those are the key.
 */
final class Judgements {

    private record Key(Optional<ServerOffer> offer, String protocol, String software, List<Waiver> waivers) {
    }

    private record Judged(Evaluation evaluation, Optional<HostRemediation> remediation) {
    }

    private final Policy policy;
    private final LocalDate today;
    private final PolicyEngine engine = new PolicyEngine();
    private final BoundedMemo<Key, Judged> seen = new BoundedMemo<>(4096); // judged from many threads

    Judgements(Policy policy, LocalDate today) {
        this.policy = policy;
        this.today = today;
    }

    Policy policy() {
        return policy;
    }

    TargetReport judge(ProbeResult result) {
        return judge(result, Optional.empty());
    }

    /**
     * A host that answered SSH-1 only has no offer but is judged on its identification all the same. A host with a
     * deep handshake ({@code scan --deep}) is judged on its own: its keys are its own, so nothing is shared.
     */
    TargetReport judge(ProbeResult result, Optional<DeepResult> deep) {
        if (result.offer().isEmpty() && result.outcome() != ProbeOutcome.SSH1_ONLY) {
            return new TargetReport(result, Optional.empty(), Optional.empty(), deep);
        }
        String protocol = result.identification().map(Identification::protocolVersion).orElse("");
        String software = result.identification().map(Identification::softwareVersion).orElse("");
        HostRef host = new HostRef(result.target().host(), result.target().port(), Map.of());
        if (deep.isPresent()) {
            return new TargetReport(result, Optional.of(engine.evaluate(policy, result.offer(), protocol, deep,
                    software, host, today)), remediation(result, software), deep);
        }
        List<Waiver> waivers = policy.waivers().stream().filter(w -> w.matches(host)).toList();
        Judged judged = seen.get(new Key(result.offer(), protocol, software, waivers), key -> new Judged(
                engine.evaluate(policy, result.offer(), protocol, Optional.empty(), software, host, today),
                remediation(result, software)));
        return new TargetReport(result, Optional.of(judged.evaluation()), judged.remediation());
    }

    private Optional<HostRemediation> remediation(ProbeResult result, String software) {
        return result.offer().map(offer -> HostRemediation.of(List.of(policy), offer, software));
    }
}
