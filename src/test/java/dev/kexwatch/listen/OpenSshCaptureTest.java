package dev.kexwatch.listen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.OpenSshClient;
import dev.kexwatch.negotiation.SshDebugLog;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Debian's OpenSSH client connects to the listener with several algorithm settings; what the listener
 * captured equals, list by list and in order, the proposal {@code ssh -vvv} says it sent.
 */
class OpenSshCaptureTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "KexAlgorithms=diffie-hellman-group14-sha1,curve25519-sha256",
        "Ciphers=aes128-cbc,aes256-ctr|MACs=hmac-sha1,hmac-sha2-256", "HostKeyAlgorithms=+ssh-rsa,ssh-dss",
        "KexAlgorithms=+diffie-hellman-group1-sha1|Ciphers=+3des-cbc|Compression=yes"})
    void capturedListsEqualWhatSshSaysItSent(String options) {
        try (Captures listener = new Captures()) {
            String[] settings = options.isEmpty() ? new String[0] : options.split("\\|");
            CompletableFuture<String> log = CompletableFuture.supplyAsync(() -> OpenSshClient.run(listener.port(), settings));
            Capture capture = listener.next();
            ClientProfile said = SshDebugLog.parse(log.join()).client().orElseThrow();

            assertThat(capture.outcome()).as(capture.detail()).isEqualTo(ListenOutcome.CAPTURED);
            assertThat(capture.identification().orElseThrow().softwareVersion()).startsWith("OpenSSH_");
            for (KexList list : ClientProfile.NEGOTIATED) {
                assertThat(capture.lists().orElseThrow().get(list)).as("%s with %s", list, options)
                        .containsExactlyElementsOf(said.get(list));
            }
            assertThat(capture.lists().orElseThrow().get(KexList.KEX)).contains("ext-info-c",
                    "kex-strict-c-v00@openssh.com");
            assertThat(log.join()).contains("Received disconnect").contains(ListenerHello.CAPTURED_REASON);
        }
    }
}
