package dev.kexwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.testsupport.HostileBehaviour;
import dev.kexwatch.testsupport.HostileBehaviour.Kexinits;
import dev.kexwatch.testsupport.HostileSshServer;
import dev.kexwatch.testsupport.MinaSshServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every hostile behaviour is probed at once, next to a well-behaved server, so one run shows each ends
 * with the right outcome within the deadline and that none of them slows the others down.
 */
class HostileServerProbeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    /**
     * Only catches a probe that ignores its deadline (it would take several deadlines or hang); how fast a probe
     * is belongs in bench/, and a tight bound here fails on a loaded machine.
     */
    private static final Duration SLACK = DEADLINE;
    private static final int CAP = 256 * 1024;

    private static final Map<HostileBehaviour, HostileSshServer> SERVERS = new EnumMap<>(HostileBehaviour.class);
    private static final Map<HostileBehaviour, ProbeResult> RESULTS = new EnumMap<>(HostileBehaviour.class);
    private static final List<ProbeResult> GOOD = new ArrayList<>();
    private static MinaSshServer good;
    private static ProbeEngine engine;

    @BeforeAll
    static void probeEverythingAtOnce() {
        good = MinaSshServer.start(MinaSshServer.Algorithms.weak());
        engine = new ProbeEngine(new ProbeSettings(DEADLINE, 64, CAP));
        engine.probe(good.target()).join(); // untimed: the first probe of a JVM pays for class loading
        for (HostileBehaviour behaviour : HostileBehaviour.values()) {
            SERVERS.put(behaviour, HostileSshServer.start(behaviour));
        }
        Map<HostileBehaviour, CompletableFuture<ProbeResult>> pending = new EnumMap<>(HostileBehaviour.class);
        SERVERS.forEach((behaviour, server) -> pending.put(behaviour, engine.probe(server.target())));
        // While the hostile probes are in flight, a good server is probed again and again.
        for (int i = 0; i < 10; i++) {
            GOOD.add(engine.probe(good.target()).join());
        }
        pending.forEach((behaviour, future) -> RESULTS.put(behaviour, future.join()));
    }

    @AfterAll
    static void stop() {
        engine.close();
        SERVERS.values().forEach(HostileSshServer::close);
        good.close();
    }

    static Stream<Arguments> expectedOutcomes() {
        return Stream.of(HostileBehaviour.values()).map(b -> Arguments.of(b, b.expected()));
    }

    @ParameterizedTest
    @MethodSource("expectedOutcomes")
    void endsWithTheRightOutcome(HostileBehaviour behaviour, ProbeOutcome expected) {
        ProbeResult result = RESULTS.get(behaviour);

        assertThat(result.outcome()).as("%s: %s", behaviour, result.detail()).isEqualTo(expected);
        assertThat(result.detail()).isNotBlank();
        assertThat(result.offer().isPresent()).isEqualTo(expected == ProbeOutcome.OK);
    }

    @ParameterizedTest
    @EnumSource(HostileBehaviour.class)
    void endsWithinTheDeadline(HostileBehaviour behaviour) {
        assertThat(RESULTS.get(behaviour).timings().total()).isLessThan(DEADLINE.plus(SLACK));
    }

    @Test
    void goodServerIsUnaffectedByHostileProbesInFlight() {
        assertThat(GOOD).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(ProbeOutcome.OK);
            // Never waited out a deadline: hostile servers in flight did not hold the good one up.
            assertThat(r.timings().total()).isLessThan(DEADLINE);
        });
    }

    @Test
    void httpAnswerIsShownByItsFirstLine() {
        assertThat(RESULTS.get(HostileBehaviour.HTTP).detail()).contains("HTTP/1.1 400 Bad Request");
    }

    @Test
    void ssh199IsAcceptedAsSsh2() {
        ProbeResult result = RESULTS.get(HostileBehaviour.SSH_1_99);
        assertThat(result.identification().orElseThrow().protocolVersion()).isEqualTo("1.99");
        assertThat(result.offer().orElseThrow().get(KexList.KEX)).containsExactly("curve25519-sha256",
                "diffie-hellman-group14-sha256");
    }

    @Test
    void preIdentificationLinesAreBoundedInCount() {
        Identification id = RESULTS.get(HostileBehaviour.THOUSAND_PRE_IDENT_LINES).identification().orElseThrow();
        assertThat(id.line()).isEqualTo("SSH-2.0-Chatty_1.0");
        assertThat(id.preIdentificationLines()).hasSize(ProbeEngine.MAX_KEPT_PRE_IDENT_LINES)
                .startsWith("banner line 1", "banner line 2");
        assertThat(id.droppedPreIdentificationLines()).isEqualTo(1000 - ProbeEngine.MAX_KEPT_PRE_IDENT_LINES);
    }

    @Test
    void endlessPreIdentificationStreamIsCutOffByBytesLongBeforeTheDeadline() {
        ProbeResult result = RESULTS.get(HostileBehaviour.ENDLESS_PRE_IDENT);
        assertThat(result.detail()).contains("welcome, this banner never ends");
        assertThat(result.timings().total()).isLessThan(DEADLINE.dividedBy(2));
    }

    @Test
    void byteCapEndsAFloodThatNeverReachesKexinit() {
        ProbeResult result = RESULTS.get(HostileBehaviour.IGNORE_FLOOD);
        assertThat(result.detail()).contains("more than " + CAP + " bytes");
        assertThat(result.timings().total()).isLessThan(DEADLINE.dividedBy(2));
    }

    @Test
    void hundredThousandNamesAreAllKept() {
        ServerOffer offer = RESULTS.get(HostileBehaviour.HUNDRED_THOUSAND_NAMES).offer().orElseThrow();
        // name i is the letter i % 26, so the last (i = 99,999) is 'd'
        assertThat(offer.get(KexList.KEX)).hasSize(100_000).startsWith("a", "b", "c").endsWith("d");
        assertThat(offer.raw(KexList.KEX)).isEqualTo(Kexinits.manyNames());
    }

    @Test
    void oddEmptyAndDuplicateNamesAreKeptVerbatim() {
        assertThat(offerOf(HostileBehaviour.ODD_NAMES).get(KexList.KEX))
                .containsExactly("curve25519-sha256", "", "ключ-sha256", "ñandú");
        assertThat(offerOf(HostileBehaviour.DUPLICATE_NAMES).get(KexList.KEX)).containsExactly(
                "curve25519-sha256", "curve25519-sha256", "diffie-hellman-group14-sha256", "curve25519-sha256");
        ServerOffer empty = offerOf(HostileBehaviour.EMPTY_LISTS);
        assertThat(KexList.values()).allSatisfy(list -> assertThat(empty.get(list)).isEmpty());
    }

    @Test
    void directionsAreKeptApart() {
        ServerOffer offer = offerOf(HostileBehaviour.ASYMMETRIC_LISTS);
        List<String> raw = Kexinits.asymmetric();
        for (KexList list : KexList.values()) {
            assertThat(offer.raw(list)).as(list.key()).isEqualTo(raw.get(list.ordinal()));
        }
    }

    @Test
    void trickledAndGuessingServersAreReadExactly() {
        for (HostileBehaviour behaviour : List.of(HostileBehaviour.ONE_BYTE_SEGMENTS,
                HostileBehaviour.GUESSED_KEX_PACKET)) {
            ServerOffer offer = offerOf(behaviour);
            List<String> raw = Kexinits.standard();
            for (KexList list : KexList.values()) {
                assertThat(offer.raw(list)).as(behaviour + " " + list.key()).isEqualTo(raw.get(list.ordinal()));
            }
        }
    }

    @Test
    void disconnectReasonIsReported() {
        assertThat(RESULTS.get(HostileBehaviour.DISCONNECT_BEFORE_KEXINIT).detail())
                .contains("too many connections");
    }

    @Test
    void whatTheServerSentIsEscapedWhereItBecomesText() {
        assertThat(offerOf(HostileBehaviour.NUL_IN_NAMES).get(KexList.KEX)).containsExactly("curve25519-sha256",
                "evil\\x00name");
        assertThat(offerOf(HostileBehaviour.INVALID_UTF8_IN_NAMES).get(KexList.KEX))
                .containsExactly("curve25519-sha256", "bad\\xff\\xfe-\\xc3");
        assertThat(offerOf(HostileBehaviour.ESC_IN_NAMES).get(KexList.KEX)).containsExactly(
                "\\x1b[31mred\\x1b[0m", "curve25519-sha256", "\\x7fdel");
        assertThat(identificationOf(HostileBehaviour.ESC_IN_IDENTIFICATION))
                .isEqualTo("SSH-2.0-Esc_1.0 \\x1b[2J\\x1b]0;pwned\\x07\\u009b31m");
        assertThat(identificationOf(HostileBehaviour.INVALID_UTF8_IN_IDENTIFICATION))
                .isEqualTo("SSH-2.0-Bad\\xff\\xfe\\xc3_1");
        assertThat(RESULTS.get(HostileBehaviour.NUL_IN_DISCONNECT).detail()).contains("too\\x00many\\x1b[2J");
        assertThat(RESULTS.get(HostileBehaviour.NUL_IN_IDENTIFICATION).identification().orElseThrow().line())
                .isEqualTo("SSH-2.0-Nul\\x00_1.0");
        assertThat(RESULTS.values()).allSatisfy(r -> assertThat(r.detail()).doesNotContain("\0", "\u001b"));
    }

    @Test
    void aSixtyFourKibNameIsKeptWhole() {
        assertThat(offerOf(HostileBehaviour.HUGE_NAME).get(KexList.KEX)).containsExactly("curve25519-sha256",
                "x".repeat(64 * 1024));
    }

    private static String identificationOf(HostileBehaviour behaviour) {
        return RESULTS.get(behaviour).identification().orElseThrow().line();
    }

    private static ServerOffer offerOf(HostileBehaviour behaviour) {
        return RESULTS.get(behaviour).offer().orElseThrow();
    }
}
