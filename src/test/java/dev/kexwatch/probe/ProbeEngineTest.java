package dev.kexwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.testsupport.BlackHole;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Engine-level behaviour: what we send, names versus literals, connects that hang, bounded concurrency. */
class ProbeEngineTest {

    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static MinaSshServer server;
    private static ProbeEngine engine;

    @BeforeAll
    static void start() {
        server = MinaSshServer.start(MinaSshServer.Algorithms.weak());
        engine = new ProbeEngine(new ProbeSettings(DEADLINE, 4, 256 * 1024));
    }

    @AfterAll
    static void stop() {
        engine.close();
        server.close();
    }

    @Test
    void sendsItsOwnIdentificationLineFirst() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(Ports.LOOPBACK))) {
            CompletableFuture<ProbeResult> probe = engine.probe(new Target(Ports.LOOPBACK, listener.getLocalPort()));
            try (Socket client = listener.accept()) {
                client.setSoTimeout(2000);
                String line = readLine(client.getInputStream());
                // RFC 4253 §4.2: SSH-2.0-softwareversion, no spaces or '-' in the software version, CR LF.
                assertThat(line).matches("SSH-2\\.0-kexwatch_[!-,.-~]+\r\n");
            }
            assertThat(probe.join().outcome()).isEqualTo(ProbeOutcome.CLOSED_EARLY);
        }
    }

    @Test
    void hostNamesAreResolved() {
        ProbeResult result = engine.probe(new Target("localhost", server.port())).join();

        assertThat(result.outcome()).as(result.detail()).isEqualTo(ProbeOutcome.OK);
        assertThat(result.resolvedAddress()).contains("127.0.0.1");
    }

    @Test
    void connectsThatNeverCompleteDoNotHoldBackOtherProbes() {
        try (BlackHole hole = BlackHole.open()) {
            // More hanging connects than MINA's stock connector has threads to wait on them (cores + 1).
            List<CompletableFuture<ProbeResult>> hanging = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                hanging.add(engine.probe(hole.target()));
            }
            ProbeResult good = engine.probe(server.target()).join();

            assertThat(good.outcome()).as(good.detail()).isEqualTo(ProbeOutcome.OK);
            assertThat(good.timings().total()).isLessThan(Duration.ofSeconds(1));
            assertThat(hanging).noneMatch(CompletableFuture::isDone);
            assertThat(hanging).allSatisfy(f -> {
                ProbeResult result = f.join();
                assertThat(result.outcome()).isEqualTo(ProbeOutcome.TIMEOUT_CONNECT);
                assertThat(result.timings().connect()).isEmpty();
                assertThat(result.timings().total()).isGreaterThanOrEqualTo(DEADLINE);
            });
        }
    }

    @Test
    void probeAllHandsOverEveryResultWithBoundedConcurrency() {
        List<Target> targets = Collections.nCopies(20, server.target());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        List<ProbeResult> results = Collections.synchronizedList(new ArrayList<>());
        try (ProbeEngine counting = new ProbeEngine(new ProbeSettings(DEADLINE, 3, 256 * 1024))) {
            counting.probeAll(new CountingList(targets, inFlight, maxInFlight), result -> {
                inFlight.decrementAndGet();
                results.add(result);
            });
        }
        assertThat(results).hasSize(20).allMatch(ProbeResult::ok);
        // taken from the list and not yet handed back: the probes in flight plus one waiting for a slot
        assertThat(maxInFlight.get()).isLessThanOrEqualTo(3 + 1);
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            line.append((char) b);
            if (b == '\n') {
                break;
            }
        }
        return line.toString();
    }

    /** A target list that counts how many probes were started and not yet handed back. */
    private static final class CountingList extends java.util.AbstractList<Target> {
        private final List<Target> targets;
        private final AtomicInteger inFlight;
        private final AtomicInteger max;

        CountingList(List<Target> targets, AtomicInteger inFlight, AtomicInteger max) {
            this.targets = targets;
            this.inFlight = inFlight;
            this.max = max;
        }

        @Override
        public Target get(int index) {
            max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            return targets.get(index);
        }

        @Override
        public int size() {
            return targets.size();
        }
    }
}
