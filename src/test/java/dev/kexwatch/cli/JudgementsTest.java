package dev.kexwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.policy.Evaluation;
import dev.kexwatch.policy.Policy;
import dev.kexwatch.policy.PolicyLoader;
import dev.kexwatch.probe.Identification;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeTimings;
import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.TestPolicies;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Judging once per distinct answer must give every target the verdict it would get alone. */
class JudgementsTest {

    private static final Policy NO_CTR = new PolicyLoader().parse(TestPolicies.NO_CTR + """
            waivers:
              - {rule: forbid-ctr, host: 127.0.0.2, reason: lab box, expires: 2999-12-31}
            """, "no-ctr.yaml");

    private static ProbeResult answer(String host, String ciphers, String software) {
        List<List<String>> lists = List.of(List.of("curve25519-sha256"), List.of("ssh-ed25519"), List.of(ciphers),
                List.of(ciphers), List.of("hmac-sha2-256"), List.of("hmac-sha2-256"), List.of("none"), List.of("none"),
                List.of(), List.of());
        return new ProbeResult(new Target(host, 22), ProbeOutcome.OK, "ok", Optional.of(host),
                Optional.of(new Identification("SSH-2.0-" + software, List.of(), 0)), Optional.of(ServerOffer.of(lists)),
                ProbeTimings.none(Duration.ZERO), Instant.EPOCH);
    }

    @Test
    void theSameAnswerIsJudgedAloneForEachWaiverAndEachOffer() {
        Judgements judgements = new Judgements(NO_CTR, LocalDate.of(2026, 12, 2));

        TargetReport first = judgements.judge(answer("127.0.0.1", "aes128-ctr", "OpenSSH_9.2p1"));
        TargetReport sameAnswer = judgements.judge(answer("127.0.0.3", "aes128-ctr", "OpenSSH_9.2p1"));
        TargetReport waived = judgements.judge(answer("127.0.0.2", "aes128-ctr", "OpenSSH_9.2p1"));
        TargetReport clean = judgements.judge(answer("127.0.0.4", "aes128-gcm@openssh.com", "OpenSSH_9.2p1"));

        assertThat(first.evaluation()).map(Evaluation::findings).hasValueSatisfying(f -> assertThat(f).hasSize(1));
        assertThat(sameAnswer.evaluation()).isEqualTo(first.evaluation());
        assertThat(sameAnswer.result().target().host()).isEqualTo("127.0.0.3");
        assertThat(waived.evaluation()).map(Evaluation::findings).hasValueSatisfying(f -> assertThat(f).isEmpty());
        assertThat(waived.evaluation()).map(Evaluation::waived).hasValueSatisfying(w -> assertThat(w).hasSize(1));
        assertThat(clean.evaluation()).map(Evaluation::findings).hasValueSatisfying(f -> assertThat(f).isEmpty());
    }
}
