package dev.kexwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A name that resolves to an allowed address on one attempt and to a refused one on the next (a short DNS
 * TTL, DNS rebinding): each attempt resolves once, the address it got is vetted, and that very address is the
 * one dialled, so the refused address never sees a connection.
 */
class DnsRebindingTest {

    private static final String NAME = "rebinding.example";

    @Test
    void theRefusedAddressOfASecondAnswerIsNeverDialled() throws IOException {
        InetAddress allowed = InetAddress.getByName("127.0.0.1");
        InetAddress refused = InetAddress.getByName("127.0.0.3");
        try (ServerSocket good = new ServerSocket(0, 50, allowed);
                ServerSocket bad = new ServerSocket(good.getLocalPort(), 50, refused)) {
            List<InetAddress> answers = List.of(allowed, refused);
            AtomicInteger asked = new AtomicInteger();
            ProbeSettings settings = new ProbeSettings(Duration.ofMillis(800), 4, 256 * 1024)
                    .resolvingWith(host -> answers.get(Math.min(asked.getAndIncrement(), answers.size() - 1)))
                    .dialling(ip -> ip.equals(allowed) ? Optional.empty() : Optional.of("outside 127.0.0.1/32"));
            try (ProbeEngine engine = new ProbeEngine(settings)) {
                ProbeResult first = engine.probe(new Target(NAME, good.getLocalPort())).join();
                ProbeResult second = engine.probe(new Target(NAME, good.getLocalPort())).join();

                assertThat(first.resolvedAddress()).contains("127.0.0.1");
                assertThat(first.outcome()).isEqualTo(ProbeOutcome.TIMEOUT_IDENTIFICATION); // dialled, silent
                assertThat(second.outcome()).isEqualTo(ProbeOutcome.NOT_ALLOWED);
                assertThat(second.resolvedAddress()).contains("127.0.0.3");
                assertThat(second.detail()).contains("127.0.0.3", "outside 127.0.0.1/32");
                assertThat(asked).hasValue(2); // once per attempt
            }
            good.setSoTimeout(1_000);
            try (Socket dialled = good.accept()) {
                assertThat(dialled.getInetAddress().isLoopbackAddress()).isTrue();
            }
            bad.setSoTimeout(300); // a connection the probe had made would be waiting in the backlog
            assertThatThrownBy(bad::accept).isInstanceOf(SocketTimeoutException.class);
        }
    }
}
