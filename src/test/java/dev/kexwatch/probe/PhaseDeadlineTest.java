package dev.kexwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.testsupport.BlackHole;
import dev.kexwatch.testsupport.HostileBehaviour;
import dev.kexwatch.testsupport.HostileSshServer;
import dev.kexwatch.testsupport.Ports;
import dev.kexwatch.testsupport.SshResponder;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Each step of a probe has its own deadline, and the one that passes names the outcome; probes that only wait on
 * silent hosts make room for others. The whole-probe deadline is long here, so only a step's deadline can end them.
 */
class PhaseDeadlineTest {

    private static final Duration LONG = Duration.ofSeconds(30);
    private static final Duration SHORT = Duration.ofMillis(300);

    private static ProbeEngine engine(PhaseDeadlines phases, int concurrency) {
        return new ProbeEngine(new ProbeSettings(LONG, concurrency, 256 * 1024).withPhases(phases));
    }

    @Test
    void aHostThatNeverCompletesTheHandshakeEndsAtTheConnectDeadline() {
        try (BlackHole hole = BlackHole.open(); ProbeEngine engine = engine(new PhaseDeadlines(SHORT, LONG, LONG), 4)) {
            ProbeResult result = engine.probe(hole.target()).join();

            assertThat(result.outcome()).isEqualTo(ProbeOutcome.TIMEOUT_CONNECT);
            assertThat(result.detail()).isEqualTo("no TCP connection after 300 ms (connect deadline)");
            assertThat(result.timings().connect()).isEmpty();
        }
    }

    @Test
    void aHostThatAcceptsAndSaysNothingEndsAtTheIdentificationDeadline() throws IOException {
        List<ServerSocket> silent = SshResponder.silent(List.of(Ports.LOOPBACK), 1);
        try (ProbeEngine engine = engine(new PhaseDeadlines(LONG, SHORT, LONG), 4)) {
            ProbeResult result = engine.probe(new Target(Ports.LOOPBACK, silent.get(0).getLocalPort())).join();

            assertThat(result.outcome()).isEqualTo(ProbeOutcome.TIMEOUT_IDENTIFICATION);
            assertThat(result.detail()).isEqualTo(
                    "no identification line 300 ms after connecting (identification deadline), 0 bytes received");
            assertThat(result.timings().connect()).isPresent();
        } finally {
            silent.get(0).close();
        }
    }

    @Test
    void aHostThatStopsAfterItsIdentificationEndsAtTheKexinitDeadline() {
        try (HostileSshServer mute = HostileSshServer.start(HostileBehaviour.IDENTIFICATION_THEN_SILENT);
                ProbeEngine engine = engine(new PhaseDeadlines(LONG, LONG, SHORT), 4)) {
            ProbeResult result = engine.probe(mute.target()).join();

            assertThat(result.outcome()).isEqualTo(ProbeOutcome.TIMEOUT_KEXINIT);
            assertThat(result.detail()).startsWith("no KEXINIT 300 ms after the identification (KEXINIT deadline)");
            assertThat(result.identification()).map(Identification::softwareVersion).contains("Mute_1.0");
        }
    }

    @Test
    void eachStepsClockStartsWhenTheStepBeforeEnded() {
        // Answers 600 ms after accepting: longer than the connect deadline, within the identification deadline,
        // which starts at the connection.
        try (SshResponder slow = SshResponder.answering(List.of(Ports.LOOPBACK), 1, Duration.ofMillis(600));
                ProbeEngine engine = engine(new PhaseDeadlines(SHORT, Duration.ofSeconds(5), SHORT), 4)) {
            ProbeResult result = engine.probe(slow.targets().get(0)).join();

            assertThat(result.outcome()).as(result.detail()).isEqualTo(ProbeOutcome.OK);
            assertThat(result.timings().total()).isGreaterThan(SHORT);
        }
    }

    @Test
    void probesWaitingOnSilentHostsMakeRoomForOthers() throws IOException {
        // One probe working at a time, the two silent hosts first: the answering hosts are done before either
        // silent one gives up, because a probe left waiting (ProbeEngine.STALL_AFTER) frees its slot.
        List<ServerSocket> silent = SshResponder.silent(List.of(Ports.LOOPBACK), 2);
        List<Target> targets = new ArrayList<>();
        silent.forEach(s -> targets.add(new Target(Ports.LOOPBACK, s.getLocalPort())));
        try (SshResponder answering = SshResponder.answering(List.of(Ports.LOOPBACK), 3, Duration.ZERO);
                ProbeEngine engine = engine(new PhaseDeadlines(LONG, Duration.ofSeconds(8), LONG), 1)) {
            targets.addAll(answering.targets());
            List<ProbeResult> finished = new CopyOnWriteArrayList<>();

            engine.probeAll(targets, finished::add);

            assertThat(finished).extracting(ProbeResult::outcome).containsExactly(ProbeOutcome.OK, ProbeOutcome.OK,
                    ProbeOutcome.OK, ProbeOutcome.TIMEOUT_IDENTIFICATION, ProbeOutcome.TIMEOUT_IDENTIFICATION);
        } finally {
            for (ServerSocket s : silent) {
                s.close();
            }
        }
    }
}
