package dev.kexwatch.hostkey;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.DropbearServer;
import dev.kexwatch.testsupport.HostKeyFiles;
import dev.kexwatch.testsupport.Processes;
import dev.kexwatch.testsupport.TinySshServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Dropbear and tinysshd: every key the deep handshake reads equals ssh-keyscan + ssh-keygen -lf. */
class DropbearAndTinySshHostKeyTest {

    private static final Pattern KEYGEN_LINE = Pattern.compile("(\\d+) (SHA256:\\S+) .*\\((\\S+)\\)");

    @Test
    void dropbearKeysEqualSshKeyscan() throws Exception {
        try (DropbearServer dropbear = DropbearServer.start()) {
            DeepResult deep = deep(dropbear.target());
            assertThat(deep.hostKeys()).extracting(HostKey::outcome).containsOnly(DeepOutcome.OK);
            assertThat(fingerprints(deep)).containsAllEntriesOf(keyscan(dropbear.target())).hasSize(3);
        }
    }

    @Test
    void tinysshdKeysEqualSshKeyscanAndItOffersNoGroupExchange() throws Exception {
        try (TinySshServer tiny = TinySshServer.start()) {
            DeepResult deep = deep(tiny.target());
            assertThat(deep.hostKeys()).extracting(HostKey::outcome).containsOnly(DeepOutcome.OK);
            assertThat(fingerprints(deep)).containsAllEntriesOf(keyscan(tiny.target())).isNotEmpty();
            assertThat(deep.gex()).isEmpty();
        }
    }

    private static DeepResult deep(Target target) {
        ServerOffer offer;
        try (ProbeEngine engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(5), 1, 256 * 1024))) {
            offer = engine.probe(target).join().offer().orElseThrow();
        }
        try (DeepProber prober = new DeepProber(Duration.ofSeconds(10))) {
            return prober.probe(new InetSocketAddress(target.host(), target.port()), offer);
        }
    }

    private static Map<String, String> fingerprints(DeepResult deep) {
        Map<String, String> ours = new HashMap<>();
        deep.hostKeys().forEach(k -> ours.put(k.key().orElseThrow().fingerprint(),
                String.valueOf(k.key().orElseThrow().bits())));
        return ours;
    }

    /** fingerprint → bits, as ssh-keygen -lf prints them for what ssh-keyscan fetched. */
    private static Map<String, String> keyscan(Target target) throws Exception {
        HostKeyFiles files = new HostKeyFiles();
        String scanned = Processes.run(List.of("ssh-keyscan", "-p", String.valueOf(target.port()), "-t",
                "rsa,ecdsa,ed25519", target.host()), files.dir());
        Path scan = files.dir().resolve("keyscan.txt");
        Files.writeString(scan, scanned);
        Map<String, String> keys = new HashMap<>();
        for (String line : files.fingerprintLine(scan).split("\n")) {
            Matcher m = KEYGEN_LINE.matcher(line.strip());
            assertThat(m.matches()).as(line).isTrue();
            keys.put(m.group(2), m.group(1));
        }
        return keys;
    }
}
