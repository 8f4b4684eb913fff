package dev.kexwatch.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.fleet.HostKeyChange.Change;
import dev.kexwatch.hostkey.DeepOutcome;
import dev.kexwatch.hostkey.DeepResult;
import dev.kexwatch.hostkey.HostKey;
import dev.kexwatch.hostkey.KeyInfo;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which differences between two deep handshakes of one host count as a host key that changed, came or went. */
class HostKeyChangeTest {

    private static HostKey key(String algorithm, String fingerprint) {
        return new HostKey(algorithm, Optional.of(new KeyInfo("ssh-ed25519", 256, fingerprint)), true,
                Optional.empty(), DeepOutcome.OK, "");
    }

    private static DeepResult of(HostKey... keys) {
        return new DeepResult(List.of(keys), "", List.of());
    }

    @Test
    void anotherFingerprintForTheSameAlgorithmIsChanged() {
        assertThat(HostKeyChange.between(of(key("ssh-ed25519", "SHA256:a")), of(key("ssh-ed25519", "SHA256:b"))))
                .containsExactly(new HostKeyChange("ssh-ed25519", Change.CHANGED, "SHA256:a", "SHA256:b"));
    }

    @Test
    void anAlgorithmNewlyOfferedAppearsAndOneNoLongerOfferedIsGone() {
        assertThat(HostKeyChange.between(of(key("ssh-ed25519", "SHA256:a")), of(key("rsa-sha2-512", "SHA256:r"))))
                .containsExactly(new HostKeyChange("ssh-ed25519", Change.GONE, "SHA256:a", null),
                        new HostKeyChange("rsa-sha2-512", Change.APPEARED, null, "SHA256:r"));
        assertThat(HostKeyChange.between(of(key("ssh-ed25519", "SHA256:a")),
                of(HostKey.failed("ssh-ed25519", DeepOutcome.NOT_NEGOTIATED, "no common algorithm"))))
                .extracting(HostKeyChange::change).containsExactly(Change.GONE);
    }

    @Test
    void anExchangeThatFailedOnTheWayIsNoChangeEitherWay() {
        DeepResult good = of(key("ssh-ed25519", "SHA256:a"));
        DeepResult timedOut = of(HostKey.failed("ssh-ed25519", DeepOutcome.TIMEOUT, "no answer within 10s"));
        assertThat(HostKeyChange.between(good, timedOut)).isEmpty();
        assertThat(HostKeyChange.between(timedOut, good)).isEmpty();
        assertThat(HostKeyChange.between(good, good)).isEmpty();
    }
}
