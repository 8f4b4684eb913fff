package dev.kexwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.testsupport.MinaSshServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MinaServerProbeTest {

    private static MinaSshServer server;
    private static ProbeEngine engine;

    @BeforeAll
    static void start() {
        server = MinaSshServer.start(MinaSshServer.Algorithms.weak());
        engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(5), 8, 256 * 1024));
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    @Test
    void capturesTheListsTheServerIsConfiguredWithInOrder() {
        ProbeResult result = engine.probe(server.target()).join();

        assertThat(result.outcome()).as(result.detail()).isEqualTo(ProbeOutcome.OK);
        ServerOffer offer = result.offer().orElseThrow();
        MinaSshServer.Algorithms configured = server.algorithms();
        // MINA's server appends two signals to its kex list: ext-info-s (RFC 8308 §2.1, it will send
        // SSH_MSG_EXT_INFO) and the strict-KEX marker (OpenSSH PROTOCOL, the CVE-2023-48795 fix).
        List<String> kex = new ArrayList<>(configured.kex());
        kex.addAll(List.of("ext-info-s", "kex-strict-s-v00@openssh.com"));
        assertThat(offer.get(KexList.KEX)).containsExactlyElementsOf(kex);
        assertThat(offer.get(KexList.HOST_KEY)).containsExactlyElementsOf(configured.hostKeys());
        assertThat(offer.get(KexList.CIPHER_C2S)).containsExactlyElementsOf(configured.ciphers());
        assertThat(offer.get(KexList.CIPHER_S2C)).containsExactlyElementsOf(configured.ciphers());
        assertThat(offer.get(KexList.MAC_C2S)).containsExactlyElementsOf(configured.macs());
        assertThat(offer.get(KexList.MAC_S2C)).containsExactlyElementsOf(configured.macs());
        assertThat(offer.get(KexList.LANGUAGE_C2S)).isEmpty();
    }

    @Test
    void recordsIdentificationAddressAndTimings() {
        ProbeResult result = engine.probe(server.target()).join();

        assertThat(result.identification().orElseThrow().line()).isEqualTo(server.identification());
        assertThat(result.identification().orElseThrow().preIdentificationLines()).isEmpty();
        assertThat(result.resolvedAddress()).contains("127.0.0.1");
        ProbeTimings timings = result.timings();
        assertThat(timings.connect().orElseThrow()).isLessThanOrEqualTo(timings.identification().orElseThrow());
        assertThat(timings.identification().orElseThrow()).isLessThanOrEqualTo(timings.kexinit().orElseThrow());
        assertThat(timings.kexinit().orElseThrow()).isLessThanOrEqualTo(timings.total());
    }
}
