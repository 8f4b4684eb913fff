package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.DropbearServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.Processes;
import dev.kexwatch.testsupport.TinySshServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue entries of the OpenSSH, Dropbear and tinysshd on this machine (Debian 12) against the real
 * daemons with a default configuration: the KEXINIT they send (probe), list by list and in order, and for
 * OpenSSH also {@code sshd -T} and {@code ssh -G}.
 */
class ReleaseDefaultsRealTest {

    private static final ReleaseCatalog CATALOG = ReleaseCatalog.builtIn();
    private static ProbeEngine engine;

    @BeforeAll
    static void start() {
        engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(10), 2, 256 * 1024));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void openSsh92EntryIsWhatTheDaemonSends() {
        try (OpenSshServer sshd = OpenSshServer.start()) {
            ProbeResult result = probe(sshd.target());
            assertSameOffer(identified(result, "openssh-9.2").defaultServerOffer(), result.offer().orElseThrow());
        }
    }

    @Test
    void openSsh92EntryIsWhatSshdTPrints() {
        Release release = release("openssh-9.2");
        try (OpenSshServer sshd = OpenSshServer.start()) {
            assertThat(sshd.effectiveList("kexalgorithms")).isEqualTo(withoutSignals(release.get(KexList.KEX)));
            assertThat(sshd.effectiveList("hostkeyalgorithms")).isEqualTo(release.get(KexList.HOST_KEY));
            assertThat(sshd.effectiveList("ciphers")).isEqualTo(release.get(KexList.CIPHER_C2S));
            assertThat(sshd.effectiveList("macs")).isEqualTo(release.get(KexList.MAC_C2S));
        }
    }

    @Test
    void openSsh92ClientProfileIsWhatSshGPrints() {
        ClientProfile client = ClientProfiles.builtIn().find(release("openssh-9.2").clientProfile().orElseThrow())
                .orElseThrow();
        Map<String, List<String>> printed = sshG();
        assertThat(printed.get("kexalgorithms")).isEqualTo(withoutSignals(client.get(KexList.KEX)));
        assertThat(printed.get("hostkeyalgorithms")).isEqualTo(client.get(KexList.HOST_KEY));
        assertThat(printed.get("ciphers")).isEqualTo(client.get(KexList.CIPHER_C2S));
        assertThat(printed.get("macs")).isEqualTo(client.get(KexList.MAC_C2S));
    }

    @Test
    void dropbearEntryIsWhatTheDaemonSends() {
        try (DropbearServer dropbear = DropbearServer.start()) {
            ProbeResult result = probe(dropbear.target());
            assertSameOffer(identified(result, "dropbear-2022.83").defaultServerOffer(), result.offer().orElseThrow());
        }
    }

    @Test
    void tinysshdEntryIsWhatTheDaemonSends() {
        try (TinySshServer tinysshd = TinySshServer.start()) {
            ProbeResult result = probe(tinysshd.target());
            assertSameOffer(identified(result, "tinysshd-20230101").defaultServerOffer(), result.offer().orElseThrow());
        }
    }

    private static void assertSameOffer(ServerOffer expected, ServerOffer sent) {
        for (KexList list : KexList.values()) {
            assertThat(sent.get(list)).as(list.key()).containsExactlyElementsOf(expected.get(list));
        }
    }

    private static ProbeResult probe(Target target) {
        ProbeResult result = engine.probe(target).join();
        assertThat(result.ok()).as(result.detail()).isTrue();
        return result;
    }

    /** The release the daemon's identification names, which must be the expected one. */
    private static Release identified(ProbeResult result, String expected) {
        String software = result.identification().orElseThrow().softwareVersion();
        assertThat(CATALOG.identify(software).map(Release::id)).as(software).contains(expected);
        return release(expected);
    }

    private static Release release(String id) {
        return CATALOG.find(id).orElseThrow();
    }

    private static List<String> withoutSignals(List<String> names) {
        return names.stream().filter(n -> !Signals.isSignal(n)).toList();
    }

    /** {@code ssh -G} of an empty configuration: the client defaults, keyword to list. */
    private static Map<String, List<String>> sshG() {
        String out = Processes.run(List.of("/usr/bin/ssh", "-G", "-F", "/dev/null", "127.0.0.1"), Path.of("."));
        Map<String, List<String>> lists = new java.util.HashMap<>();
        for (String line : out.split("\n")) {
            String[] parts = line.split(" ", 2);
            if (parts.length == 2) {
                lists.putIfAbsent(parts[0], Arrays.asList(parts[1].split(",")));
            }
        }
        return lists;
    }
}
