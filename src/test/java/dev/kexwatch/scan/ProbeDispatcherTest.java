package dev.kexwatch.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.probe.PhaseDeadlines;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeOutcome;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.SshResponder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dispatcher's politeness and retries, against real loopback listeners. */
class ProbeDispatcherTest {

    private final ProbeEngine engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(2), 64, 256 * 1024));
    private final List<Listener> listeners = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        engine.close();
        for (Listener l : listeners) {
            l.close();
        }
    }

    @Test
    void neverMoreThanTheCapAgainstOneAddressAndEveryTargetOnce() throws IOException {
        ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, AtomicInteger> peak = new ConcurrentHashMap<>();
        List<Target> targets = new ArrayList<>();
        for (String address : List.of("127.0.0.1", "127.0.0.2")) {
            for (int i = 0; i < 8; i++) {
                Listener l = listen(address, 200, open, peak);
                targets.add(new Target(address, l.port()));
            }
        }
        List<ProbeResult> results = new CopyOnWriteArrayList<>();

        int skipped = new ProbeDispatcher(engine, new ProbeDispatcher.Limits(64, 3, 0))
                .run(targets, () -> false, results::add);

        assertThat(skipped).isZero();
        assertThat(results).hasSize(16).extracting(ProbeResult::target).containsExactlyInAnyOrderElementsOf(targets);
        assertThat(peak.get("127.0.0.1").get()).isBetween(1, 3);
        assertThat(peak.get("127.0.0.2").get()).isBetween(1, 3);
    }

    @Test
    void oneAddressSpelledEightWaysIsStillOneAddress() throws IOException {
        ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, AtomicInteger> peak = new ConcurrentHashMap<>();
        List<Target> targets = new ArrayList<>();
        for (String spelling : List.of("127.0.0.2", "::ffff:127.0.0.2", "::FFFF:127.0.0.2", "::ffff:7f00:2",
                "0:0:0:0:0:ffff:127.0.0.2", "0::ffff:127.0.0.2", "0000::ffff:7f00:0002", "::ffff:7F00:0002")) {
            targets.add(new Target(spelling, listen("127.0.0.2", 300, open, peak).port()));
        }

        new ProbeDispatcher(engine, new ProbeDispatcher.Limits(64, 3, 0)).run(targets, () -> false, r -> { });

        assertThat(listeners).allSatisfy(l -> assertThat(l.accepted.get()).isEqualTo(1));
        assertThat(peak.get("127.0.0.2").get()).isBetween(1, 3);
    }

    @Test
    void transientFailuresAreTriedAgainUpToTheLimit() throws IOException {
        ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();
        Listener closing = listen("127.0.0.1", 0, open, new ConcurrentHashMap<>());
        List<ProbeResult> results = new CopyOnWriteArrayList<>();

        new ProbeDispatcher(engine, new ProbeDispatcher.Limits(4, 4, 2))
                .run(List.of(new Target("127.0.0.1", closing.port())), () -> false, results::add);

        assertThat(results).singleElement().extracting(ProbeResult::outcome).isEqualTo(ProbeOutcome.CLOSED_EARLY);
        assertThat(closing.accepted.get()).isEqualTo(3);
    }

    @Test
    void probesWaitingOnSilentHostsMakeRoomWithinThePerAddressCap() throws IOException {
        // One probe working at a time; the two silent hosts come first. Their probes only wait after
        // ProbeEngine.STALL_AFTER and free the working slot, so the answering hosts are done before either silent
        // one gives up; the per-address cap of 3 still holds for the waiting ones.
        List<ServerSocket> silent = SshResponder.silent(List.of("127.0.0.1"), 2);
        List<Target> targets = new ArrayList<>();
        silent.forEach(s -> targets.add(new Target("127.0.0.1", s.getLocalPort())));
        ProbeSettings settings = new ProbeSettings(Duration.ofSeconds(30), 1, 256 * 1024)
                .withPhases(new PhaseDeadlines(Duration.ofSeconds(8), Duration.ofSeconds(8), Duration.ofSeconds(8)));
        try (SshResponder answering = SshResponder.answering(List.of("127.0.0.1"), 3, Duration.ZERO);
                ProbeEngine patient = new ProbeEngine(settings)) {
            targets.addAll(answering.targets());
            List<ProbeResult> finished = new CopyOnWriteArrayList<>();

            new ProbeDispatcher(patient, new ProbeDispatcher.Limits(1, 3, 0)).run(targets, () -> false, finished::add);

            assertThat(finished).extracting(ProbeResult::outcome).containsExactly(ProbeOutcome.OK, ProbeOutcome.OK,
                    ProbeOutcome.OK, ProbeOutcome.TIMEOUT_IDENTIFICATION, ProbeOutcome.TIMEOUT_IDENTIFICATION);
        } finally {
            for (ServerSocket s : silent) {
                s.close();
            }
        }
    }

    /** Each take of a scan's feed is a claim in the database: asked for each freed slot, a scan claimed per probe. */
    @Test
    void theFeedIsAskedForAChunkOfTargetsNotForEachFreedSlot() {
        try (SshResponder answering = SshResponder.answering(List.of("127.0.0.1", "127.0.0.2"), 150, Duration.ZERO)) {
            ProbeDispatcher.Feed all = ProbeDispatcher.Feed.of(answering.targets());
            List<Integer> asked = new CopyOnWriteArrayList<>();
            ProbeDispatcher.Feed counting = new ProbeDispatcher.Feed() {
                @Override
                public List<Target> take(int max) {
                    asked.add(max);
                    return all.take(max);
                }

                @Override
                public boolean exhausted() {
                    return all.exhausted();
                }
            };
            List<ProbeResult> results = new CopyOnWriteArrayList<>();

            new ProbeDispatcher(engine, new ProbeDispatcher.Limits(64, 64, 0)).run(counting, () -> false, results::add);

            assertThat(results).hasSize(300).extracting(ProbeResult::outcome).containsOnly(ProbeOutcome.OK);
            assertThat(asked).allSatisfy(max -> assertThat(max).isGreaterThanOrEqualTo(64 / 8));
        }
    }

    @Test
    void aCancelStopsNewProbesAndCountsTheRest() throws IOException {
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            targets.add(new Target("127.0.0.1", listen("127.0.0.1", 300, new ConcurrentHashMap<>(),
                    new ConcurrentHashMap<>()).port()));
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        List<ProbeResult> results = new CopyOnWriteArrayList<>();

        ProbeDispatcher.Feed feed = ProbeDispatcher.Feed.of(targets);

        int skipped = new ProbeDispatcher(engine, new ProbeDispatcher.Limits(2, 2, 0)).run(feed, cancelled::get,
                r -> {
                    results.add(r);
                    cancelled.set(true);
                });

        assertThat(results).hasSizeBetween(1, 2);
        // Taken but not started, plus never taken: together, every target without a result.
        assertThat(skipped + feed.take(10).size()).isEqualTo(6 - results.size());
    }

    /** Accepts, holds each connection {@code holdMillis}, closes; counts connections open per address. */
    private Listener listen(String address, int holdMillis, ConcurrentHashMap<String, AtomicInteger> open,
            ConcurrentHashMap<String, AtomicInteger> peak) throws IOException {
        Listener l = new Listener(new ServerSocket(0, 50, InetAddress.getByName(address)), address, holdMillis, open,
                peak);
        listeners.add(l);
        return l;
    }

    private static final class Listener implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger accepted = new AtomicInteger();

        Listener(ServerSocket socket, String address, int holdMillis, ConcurrentHashMap<String, AtomicInteger> open,
                ConcurrentHashMap<String, AtomicInteger> peak) {
            this.socket = socket;
            daemon(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        accepted.incrementAndGet();
                        int now = open.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
                        peak.computeIfAbsent(address, a -> new AtomicInteger()).accumulateAndGet(now, Math::max);
                        daemon(() -> hold(s, holdMillis, open.get(address)));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private static void daemon(Runnable body) {
            Thread thread = new Thread(body, "test-listener");
            thread.setDaemon(true);
            thread.start();
        }

        private static void hold(Socket s, int millis, AtomicInteger open) {
            try {
                Thread.sleep(millis); // the server side of a slow peer: there is nothing to wait on
            } catch (InterruptedException ignored) {
                // closing is all that is left to do
            } finally {
                // Counted closed before it closes: the prober may connect again the moment it sees the close.
                open.decrementAndGet();
                try {
                    s.close();
                } catch (IOException ignored) {
                    // gone already
                }
            }
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
