package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.testsupport.OpenSshServer;
import org.junit.jupiter.api.Test;

/**
 * What-if must predict what a real sshd would offer after the change: the current offer (captured from a
 * real sshd) with the lines applied equals the offer of a real sshd started with those lines.
 */
class SshdConfigChangeRealTest {

    private static final String[] CHANGE = {"KexAlgorithms +diffie-hellman-group14-sha1", "Ciphers -*-gcm@openssh.com",
        "MACs ^hmac-sha1", "HostKeyAlgorithms -rsa-sha2-256"};

    @Test
    void appliedChangeEqualsTheOfferOfASshdStartedWithIt() throws Exception {
        ServerOffer before;
        try (OpenSshServer current = OpenSshServer.start()) {
            before = capture(current.port());
        }
        ServerOffer predicted = SshdConfigChange.parse(String.join("\n", CHANGE)).apply(before);
        try (OpenSshServer changed = OpenSshServer.start(CHANGE)) {
            assertThat(predicted).isEqualTo(capture(changed.port()));
        }
        assertThat(predicted).isNotEqualTo(before);
    }

    private static ServerOffer capture(int port) {
        return SshDebugLog.parse(OpenSshClient.run(port)).server().orElseThrow();
    }
}
