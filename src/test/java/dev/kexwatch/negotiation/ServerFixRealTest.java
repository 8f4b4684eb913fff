package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.algorithm.ServerSoftware;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.DropbearServer;
import dev.kexwatch.testsupport.Processes;
import dev.kexwatch.testsupport.TinySshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server-side fixes for Dropbear and tinysshd against the real daemons (issue 20, item 3): what the fix claims about
 * the server (no runtime algorithm setting, which keys its tool makes) is checked on the real programs.
 */
class ServerFixRealTest {

    private final Negotiator negotiator = new Negotiator();

    private static ClientProfile client(String hostKeys, String ciphers) {
        Map<KexList, List<String>> lists = new EnumMap<>(KexList.class);
        lists.put(KexList.KEX, List.of("curve25519-sha256"));
        lists.put(KexList.HOST_KEY, List.of(hostKeys.split(",")));
        for (KexList list : List.of(KexList.CIPHER_C2S, KexList.CIPHER_S2C)) {
            lists.put(list, List.of(ciphers.split(",")));
        }
        lists.put(KexList.MAC_C2S, List.of("hmac-sha2-256"));
        lists.put(KexList.MAC_S2C, List.of("hmac-sha2-256"));
        lists.put(KexList.COMPRESSION_C2S, List.of("none"));
        lists.put(KexList.COMPRESSION_S2C, List.of("none"));
        return new ClientProfile("test", "OpenSSH", "test", "test", lists);
    }

    /** The real server's offer and the software kind its identification line names. */
    private record Probed(ServerOffer offer, ServerSoftware.Kind kind) {

        static Probed of(Target target) {
            try (ProbeEngine engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(10), 1, 256 * 1024))) {
                ProbeResult result = engine.probe(target).join();
                return new Probed(result.offer().orElseThrow(),
                        ServerSoftware.of(result.identification().orElseThrow().softwareVersion()).kind());
            }
        }
    }

    private Fix serverFix(NegotiationResult result) {
        return result.fixes().stream().filter(f -> f.side() == Fix.Side.SERVER).findFirst().orElseThrow();
    }

    @Test
    void dropbearHasNoRuntimeCipherSettingSoTheFixIsABuildOption(@TempDir Path dir) {
        // The claim the fix rests on: the server's options set keys, ports and logins, never an algorithm list.
        String help = Processes.run(List.of("sh", "-c", "/usr/sbin/dropbear -h 2>&1"), dir);
        assertThat(help).contains("-r keyfile").doesNotContainIgnoringCase("cipher").doesNotContain("MAC", "kex");

        Probed dropbear;
        try (DropbearServer server = DropbearServer.start()) {
            dropbear = Probed.of(server.target());
        }
        assertThat(dropbear.kind()).isEqualTo(ServerSoftware.Kind.DROPBEAR);
        assertThat(dropbear.offer().get(KexList.CIPHER_C2S)).doesNotContain("aes256-gcm@openssh.com");
        NegotiationResult result = negotiator.negotiate(client("ssh-ed25519", "aes256-gcm@openssh.com"),
                dropbear.offer(), dropbear.kind());

        assertThat(result.failure().orElseThrow().list().category()).isEqualTo(KexList.CIPHER_C2S.category());
        assertThat(serverFix(result).instruction()).contains("#define DROPBEAR_ENABLE_GCM_MODE 1", "localoptions.h")
                .doesNotContain("sshd_config");
    }

    @Test
    void aDropbearHostKeyFixUsesDropbearkeyAndTheROption() {
        Probed dropbear;
        try (DropbearServer server = DropbearServer.start()) {
            dropbear = Probed.of(server.target());
        }
        Fix fix = serverFix(negotiator.negotiate(client("ecdsa-sha2-nistp384", "aes128-ctr"), dropbear.offer(),
                dropbear.kind()));

        assertThat(fix.instruction()).contains("dropbearkey -t ecdsa -s 384", "-r FILE").doesNotContain("sshd_config");
    }

    @Test
    void tinysshdMakesOnlyAnEd25519KeySoNoOtherHostKeyFixIsOffered(@TempDir Path dir) throws IOException {
        Path keys = dir.resolve("keys");
        Processes.run(List.of("tinysshd-makekey", keys.toString()), dir);
        try (Stream<Path> files = Files.list(keys)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("ed25519.pk",
                    ".ed25519.sk");
        }
        Probed tinysshd;
        try (TinySshServer server = TinySshServer.start()) {
            tinysshd = Probed.of(server.target());
        }
        assertThat(tinysshd.kind()).isEqualTo(ServerSoftware.Kind.TINYSSH);
        for (String hostKey : List.of("ecdsa-sha2-nistp256", "rsa-sha2-512")) {
            NegotiationResult result = negotiator.negotiate(client(hostKey, "chacha20-poly1305@openssh.com"),
                    tinysshd.offer(), tinysshd.kind());
            assertThat(result.failure().orElseThrow().list()).as(hostKey).isEqualTo(KexList.HOST_KEY);
            assertThat(result.fixes()).as(hostKey).noneMatch(f -> f.side() == Fix.Side.SERVER);
        }
    }
}
