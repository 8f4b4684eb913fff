package dev.kexwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.testsupport.BlackHole;
import dev.kexwatch.testsupport.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectFailureTest {

    private static final Duration DEADLINE = Duration.ofMillis(800);
    private static ProbeEngine engine;

    @BeforeAll
    static void start() {
        engine = new ProbeEngine(new ProbeSettings(DEADLINE, 8, 256 * 1024));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void closedPortIsRefused() {
        ProbeResult result = engine.probe(new Target(Ports.LOOPBACK, Ports.freePort())).join();

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.REFUSED);
        assertThat(result.identification()).isEmpty();
        assertThat(result.offer()).isEmpty();
        assertThat(result.timings().total()).isLessThan(DEADLINE);
    }

    @Test
    void silentServerTimesOutWaitingForIdentificationWithinTheDeadline() throws IOException {
        // A listening socket nobody accepts from: the kernel completes the handshake, nothing is sent.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getByName(Ports.LOOPBACK))) {
            long start = System.nanoTime();
            ProbeResult result = engine.probe(new Target(Ports.LOOPBACK, silent.getLocalPort())).join();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(result.outcome()).isEqualTo(ProbeOutcome.TIMEOUT_IDENTIFICATION);
            assertThat(result.timings().connect()).isPresent();
            // The deadline cannot fire early; the upper bound only catches a probe that ignores it (bench/ measures speed).
            assertThat(took).isGreaterThanOrEqualTo(DEADLINE).isLessThan(DEADLINE.multipliedBy(5));
        }
    }

    @Test
    void connectThatNeverCompletesTimesOutInTheConnectPhase() {
        try (BlackHole hole = BlackHole.open()) {
            ProbeResult result = engine.probe(hole.target()).join();

            assertThat(result.outcome()).isEqualTo(ProbeOutcome.TIMEOUT_CONNECT);
            assertThat(result.detail()).contains("no TCP connection");
            assertThat(result.timings().connect()).isEmpty();
            assertThat(result.timings().total()).isBetween(DEADLINE, DEADLINE.plusMillis(500));
        }
    }
}
