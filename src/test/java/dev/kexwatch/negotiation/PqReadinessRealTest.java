package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.AlgorithmCatalog;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.DropbearServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.TinySshServer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Post-quantum readiness of every built-in client × the real OpenSSH, Dropbear and tinysshd servers of this
 * machine (default configuration), held against what the real {@code ssh -vv} negotiates ("kex: algorithm:")
 * for every OpenSSH profile, which Debian's ssh is made to send with {@code -o} options.
 */
class PqReadinessRealTest {

    private static final PqReadiness READINESS = new PqReadiness(AlgorithmCatalog.builtin());
    private static ProbeEngine engine;

    @BeforeAll
    static void start() {
        engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(10), 2, 256 * 1024));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void everyBuiltInClientOnEveryRealServerAgreesWithTheRealClient() {
        Set<PqStatus> seen = EnumSet.noneOf(PqStatus.class);
        try (OpenSshServer sshd = OpenSshServer.start()) {
            seen.addAll(check(sshd.target()));
        }
        try (DropbearServer dropbear = DropbearServer.start()) {
            seen.addAll(check(dropbear.target()));
        }
        try (TinySshServer tinysshd = TinySshServer.start()) {
            seen.addAll(check(tinysshd.target()));
        }
        assertThat(seen).contains(PqStatus.POST_QUANTUM, PqStatus.SERVER_OFFERS_NONE, PqStatus.CLIENT_OFFERS_NONE,
                PqStatus.ORDER_PICKS_CLASSICAL);
    }

    private static Set<PqStatus> check(Target target) {
        ProbeResult probe = engine.probe(target).join();
        ServerOffer offer = probe.offer().orElseThrow();
        Set<PqStatus> seen = EnumSet.noneOf(PqStatus.class);
        for (ClientProfile client : ClientProfiles.builtIn().all()) {
            PqReadiness.Verdict predicted = READINESS.of(client, offer);
            seen.add(predicted.status());
            if (!client.name().equals("OpenSSH")) {
                continue;
            }
            // Names this ssh cannot send (mlkem768x25519-sha256 for openssh-10) must not be what decides here.
            List<String> sendable = OpenSshEmulation.sendable(client, "KexAlgorithms");
            assertThat(client.get(KexList.KEX)).filteredOn(n -> !sendable.contains(n) && !Signals.isSignal(n))
                    .as(client.id()).noneMatch(offer.get(KexList.KEX)::contains);
            SshDebugLog real = SshDebugLog.parse(OpenSshClient.run(target.port(), OpenSshEmulation.options(client)));
            String what = client.id() + " -> " + probe.identification().orElseThrow().line();
            assertThat(java.util.Optional.ofNullable(real.chosen().get(KexList.KEX))).as(what).isEqualTo(predicted.kex());
            assertThat(predicted.postQuantum()).as(what).isEqualTo(READINESS.isPq(real.chosen().get(KexList.KEX)));
        }
        return seen;
    }
}
