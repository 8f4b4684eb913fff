package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.Direction;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.testsupport.DropbearServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.TinySshServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Holds the simulator against the real thing: Debian's OpenSSH client, restricted with {@code -o} options,
 * against real servers on loopback. Both proposals come from the client's own {@code -vvv} log, so the
 * simulator gets exactly the lists ssh negotiated with, and must reach the same decisions and failures.
 * Servers are handled one after the other (Dropbear resets connections when many arrive at once).
 */
class OpenSshClientAgreementTest {

    private static final List<String[]> CLIENT_RESTRICTIONS = List.of(
            new String[] {},
            new String[] {"Ciphers=aes128-cbc"},
            new String[] {"KexAlgorithms=diffie-hellman-group14-sha1"},
            new String[] {"Ciphers=aes256-ctr", "MACs=hmac-sha1"},
            new String[] {"Ciphers=aes256-gcm@openssh.com", "MACs=hmac-sha1"},
            new String[] {"HostKeyAlgorithms=ssh-rsa"},
            new String[] {"Compression=yes"},
            new String[] {"KexAlgorithms=curve25519-sha256,diffie-hellman-group14-sha256", "HostKeyAlgorithms=rsa-sha2-512,ssh-ed25519",
                "Ciphers=aes128-cbc,aes256-ctr", "MACs=hmac-sha2-512,hmac-sha2-256-etm@openssh.com"});

    private final Negotiator negotiator = new Negotiator();
    private final Set<String> reasonsSeen = new TreeSet<>();
    private int agreements;

    @Test
    void simulatorAgreesWithTheOpenSshClientOnEveryServer() throws Exception {
        try (OpenSshServer legacy = OpenSshServer.start("KexAlgorithms +diffie-hellman-group14-sha1,diffie-hellman-group1-sha1",
                "HostKeyAlgorithms +ssh-rsa", "Ciphers +aes128-cbc,aes256-cbc,3des-cbc", "MACs +hmac-md5,hmac-sha1-96")) {
            checkAll("openssh-legacy", legacy.port());
        }
        try (OpenSshServer hardened = OpenSshServer.start("KexAlgorithms curve25519-sha256,sntrup761x25519-sha512@openssh.com",
                "HostKeyAlgorithms ssh-ed25519", "Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes256-ctr",
                "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com")) {
            checkAll("openssh-hardened", hardened.port());
        }
        try (DropbearServer dropbear = DropbearServer.start()) {
            checkAll("dropbear", dropbear.target().port());
        }
        try (TinySshServer tinysshd = TinySshServer.start()) {
            checkAll("tinysshd", tinysshd.target().port());
        }
        assertThat(reasonsSeen).contains("no matching key exchange method found", "no matching host key type found",
                "no matching cipher found", "no matching MAC found");
        assertThat(agreements).isGreaterThanOrEqualTo(8);
    }

    @Test
    void builtInOpenSsh92ProfileIsWhatTheLocalClientSends() throws Exception {
        try (TinySshServer tinysshd = TinySshServer.start()) {
            ClientProfile observed = SshDebugLog.parse(OpenSshClient.run(tinysshd.target().port())).client().orElseThrow();
            ClientProfile builtIn = ClientProfiles.builtIn().find("openssh-9.2").orElseThrow();
            for (KexList list : ClientProfile.NEGOTIATED) {
                assertThat(builtIn.get(list)).as(list.key()).isEqualTo(observed.get(list));
            }
        }
    }

    private void checkAll(String server, int port) {
        for (String[] options : CLIENT_RESTRICTIONS) {
            String log = OpenSshClient.run(port, options);
            String what = server + " with " + String.join(" ", options);
            SshDebugLog parsed = SshDebugLog.parse(log);
            assertThat(parsed.client()).as(what + ": client proposal in\n" + log).isPresent();
            assertThat(parsed.server()).as(what + ": server proposal in\n" + log).isPresent();
            NegotiationResult predicted = negotiator.negotiate(parsed.client().get(), parsed.server().get());
            if (parsed.failure().isPresent()) {
                assertThat(predicted.failure()).as(what).isPresent();
                assertThat(predicted.failure().get().openSshMessage("127.0.0.1", port)).as(what)
                        .isEqualTo(parsed.failure().get());
                reasonsSeen.add(predicted.failure().get().openSshReason());
            } else {
                assertThat(predicted.ok()).as(what + ": " + predicted.failure()).isTrue();
                assertThat(decisions(predicted)).as(what).isEqualTo(parsed.chosen());
                agreements++;
            }
        }
    }

    /** The prediction in the shape ssh logs it: every list, with {@code <implicit>} for an AEAD cipher's MAC. */
    private static Map<KexList, String> decisions(NegotiationResult result) {
        Map<KexList, String> map = new java.util.EnumMap<>(result.chosen());
        for (Direction direction : Direction.values()) {
            result.macLabel(direction).ifPresent(mac -> map.put(KexList.of(dev.kexwatch.algorithm.Category.MAC, direction), mac));
        }
        return map;
    }
}
