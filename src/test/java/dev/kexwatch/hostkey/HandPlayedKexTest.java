package dev.kexwatch.hostkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.testsupport.HostileSshServer;
import dev.kexwatch.testsupport.KexReplies;
import dev.kexwatch.testsupport.KexReplies.BadReply;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Servers that answer past the KEXINIT by hand: small groups, and replies broken in one named way each. */
class HandPlayedKexTest {

    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static HostKeyExchange exchange;

    @BeforeAll
    static void start() {
        exchange = new HostKeyExchange();
    }

    @AfterAll
    static void stop() {
        exchange.close();
    }

    @Test
    void aServerHandingOutA1024BitGroupYields1024ForEveryRequest() {
        try (HostileSshServer server = KexReplies.groupOf(1024)) {
            List<GexGroup> groups = GexRequest.AUDIT.stream().map(ask -> GexExchange.request(address(server),
                    "diffie-hellman-group-exchange-sha256", ask, DEADLINE)).toList();
            assertThat(groups).allSatisfy(g -> {
                assertThat(g.bits()).contains(1024);
                assertThat(g.outcome()).isEqualTo(DeepOutcome.OK);
            });
        }
    }

    @Test
    void aGroupUnder512BitsIsNamedAndItsSizeKept() {
        try (HostileSshServer server = KexReplies.groupOf(256)) {
            GexGroup group = GexExchange.request(address(server), "diffie-hellman-group-exchange-sha256",
                    GexRequest.exactly(2048), DEADLINE);
            assertThat(group.outcome()).isEqualTo(DeepOutcome.GROUP_TOO_SMALL);
            assertThat(group.bits()).contains(256);
        }
    }

    @ParameterizedTest
    @CsvSource({"BAD_SIGNATURE,BAD_SIGNATURE,true", "UNPARSEABLE_KEY,KEY_UNPARSEABLE,false",
            "WRONG_KEY_TYPE,WRONG_KEY_TYPE,true", "HUGE_KEY,KEY_TOO_LARGE,false", "TRUNCATED,TRUNCATED,false",
            "CLOSE,CLOSED,false"})
    void aBrokenReplyEndsInItsNamedOutcomeWithinTheDeadline(BadReply bad, DeepOutcome expected, boolean keySeen) {
        try (HostileSshServer server = KexReplies.replying(bad)) {
            long start = System.nanoTime();
            HostKey key = exchange.exchange(address(server), "ssh-ed25519", DEADLINE);
            assertThat(key.outcome()).as(key.detail()).isEqualTo(expected);
            assertThat(key.signatureVerified()).isFalse();
            assertThat(key.key().isPresent()).as("key recorded").isEqualTo(keySeen);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DEADLINE.plusSeconds(2));
        }
    }

    private static InetSocketAddress address(HostileSshServer server) {
        return new InetSocketAddress(server.target().host(), server.target().port());
    }
}
