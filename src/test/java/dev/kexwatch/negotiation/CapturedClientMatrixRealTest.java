package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.listen.Capture;
import dev.kexwatch.listen.CapturedProfile;
import dev.kexwatch.listen.ListenSettings;
import dev.kexwatch.listen.Listener;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.probe.Target;
import dev.kexwatch.testsupport.DropbearServer;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.TinySshServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Prediction against reality for captured clients: Debian's ssh, configured five ways (one like the seed's
 * Cerberus client), is captured by the listener; the captures become profiles and join the compatibility matrix
 * over real servers (OpenSSH default, legacy, hardened and MAC-restricted, Dropbear, tinysshd); then the same ssh
 * really connects to each server. The matrix fails a pair exactly when ssh says "no matching ...", with ssh's
 * own message, and names the seed client's MAC failure in the seed's form.
 */
class CapturedClientMatrixRealTest {

    private static final String ETM_ONLY = "hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com";

    @Test
    void theMatrixOfCapturedClientsIsWhatTheRealClientsMeet() throws Exception {
        Map<String, String[]> clients = clients();
        Map<String, ClientProfile> profiles = capture(clients);
        List<HostOffer> hosts = new ArrayList<>();
        Map<String, Map<String, Optional<String>>> real = new LinkedHashMap<>();
        try (ProbeEngine engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(10), 2, 256 * 1024))) {
            try (OpenSshServer server = OpenSshServer.start()) {
                meet("openssh-default", server.target(), engine, clients, hosts, real);
            }
            try (OpenSshServer server = OpenSshServer.start("KexAlgorithms +diffie-hellman-group14-sha1,diffie-hellman-group1-sha1",
                    "HostKeyAlgorithms +ssh-rsa", "Ciphers +aes128-cbc,aes256-cbc,3des-cbc", "MACs +hmac-md5,hmac-sha1-96")) {
                meet("openssh-legacy", server.target(), engine, clients, hosts, real);
            }
            try (OpenSshServer server = OpenSshServer.start("KexAlgorithms curve25519-sha256,sntrup761x25519-sha512@openssh.com",
                    "HostKeyAlgorithms ssh-ed25519", "Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes256-ctr",
                    "MACs " + ETM_ONLY)) {
                meet("openssh-hardened", server.target(), engine, clients, hosts, real);
            }
            try (OpenSshServer server = OpenSshServer.start("Ciphers aes128-ctr,aes256-ctr", "MACs " + ETM_ONLY)) {
                meet("openssh-etm-macs", server.target(), engine, clients, hosts, real);
            }
            try (DropbearServer server = DropbearServer.start()) {
                meet("dropbear", server.target(), engine, clients, hosts, real);
            }
            try (TinySshServer server = TinySshServer.start()) {
                meet("tinysshd", server.target(), engine, clients, hosts, real);
            }
        }
        FleetMatrix matrix = FleetMatrix.compute(new Negotiator(), List.copyOf(profiles.values()), hosts);

        int failures = 0;
        for (MatrixCell cell : matrix.cells()) {
            String client = clientOf(profiles, cell.profileId());
            Optional<String> realFailure = real.get(cell.hostId()).get(client);
            String what = client + " on " + cell.hostId();
            assertThat(cell.failure().map(Mismatch::openSshReason)).as(what).isEqualTo(realFailure);
            failures += cell.works() ? 0 : 1;
        }
        assertThat(failures).as("pairs that fail").isBetween(5, matrix.cells().size() - 5);
        MatrixCell seed = matrix.cells().stream().filter(c -> c.hostId().equals("openssh-etm-macs")
                && c.profileId().equals(profiles.get("as-seed-cerberus-client").id())).findFirst().orElseThrow();
        String seedMacs = "[S: " + ETM_ONLY + "] [C: hmac-md5,hmac-sha1,hmac-sha2-256,hmac-sha1-96,hmac-md5-96]";
        // OpenSSH, and so the matrix, report the S2C list first; the seed log names both directions
        assertThat(seed.failure().orElseThrow().seedMessage()).isEqualTo("No common S2C mac: " + seedMacs);
        HostOffer etmHost = hosts.stream().filter(h -> h.hostId().equals("openssh-etm-macs")).findFirst().orElseThrow();
        assertThat(new Negotiator().negotiate(profiles.get("as-seed-cerberus-client"), etmHost.offer()).seedLines())
                .contains("No common C2S mac: " + seedMacs, "No common S2C mac: " + seedMacs);
        assertThat(matrix.unreachable(seed.profileId())).contains("openssh-etm-macs", "openssh-hardened");
    }

    private static Map<String, String[]> clients() {
        Map<String, String[]> clients = new LinkedHashMap<>();
        clients.put("ssh-default", new String[] {});
        clients.put("ssh-cbc", new String[] {"Ciphers=aes128-cbc,3des-cbc"});
        clients.put("ssh-group1-rsa", new String[] {"KexAlgorithms=diffie-hellman-group1-sha1", "HostKeyAlgorithms=ssh-rsa"});
        clients.put("ssh-md5", new String[] {"Ciphers=aes128-ctr", "MACs=hmac-md5"});
        clients.put("as-seed-cerberus-client", OpenSshEmulation.options(
                ClientProfiles.builtIn().find("seed-cerberus-client").orElseThrow()));
        return clients;
    }

    /** Each client once through the listener; its capture becomes its profile. */
    private static Map<String, ClientProfile> capture(Map<String, String[]> clients) throws Exception {
        BlockingQueue<Capture> queue = new LinkedBlockingQueue<>();
        Map<String, ClientProfile> profiles = new LinkedHashMap<>();
        try (Listener listener = Listener.start(ListenSettings.loopback(0), Clock.systemUTC(), queue::add)) {
            for (Map.Entry<String, String[]> client : clients.entrySet()) {
                CompletableFuture<String> run = CompletableFuture.supplyAsync(
                        () -> OpenSshClient.run(listener.port(), client.getValue()));
                Capture capture = queue.poll(30, TimeUnit.SECONDS);
                run.join();
                assertThat(capture).as(client.getKey()).isNotNull();
                assertThat(capture.captured()).as(capture.detail()).isTrue();
                profiles.put(client.getKey(), CapturedProfile.of(capture, "captured-" + client.getKey()));
            }
        }
        return profiles;
    }

    /** Probes the server for the matrix, and lets every client really connect: ssh's failure reason, if any. */
    private static void meet(String hostId, Target target, ProbeEngine engine, Map<String, String[]> clients,
            List<HostOffer> hosts, Map<String, Map<String, Optional<String>>> real) {
        ProbeResult result = engine.probe(target).join();
        assertThat(result.ok()).as(hostId + ": " + result.detail()).isTrue();
        hosts.add(new HostOffer(hostId, result.offer().orElseThrow()));
        Map<String, Optional<String>> met = new LinkedHashMap<>();
        clients.forEach((client, options) -> {
            String log = OpenSshClient.run(target.port(), options);
            Optional<String> failure = SshDebugLog.parse(log).failure().map(CapturedClientMatrixRealTest::reason);
            // a pair that negotiates must really finish the key exchange (then authentication fails in BatchMode)
            met.put(client, failure.isEmpty() && !log.contains("SSH2_MSG_NEWKEYS received")
                    ? Optional.of("no key exchange completed") : failure);
        });
        real.put(hostId, met);
    }

    /** "Unable to negotiate with H port P: no matching cipher found. Their offer: ..." to its reason. */
    private static String reason(String failure) {
        int start = failure.indexOf(": no matching ") + 2;
        return failure.substring(start, failure.indexOf('.', start));
    }

    private static String clientOf(Map<String, ClientProfile> profiles, String profileId) {
        return profiles.entrySet().stream().filter(e -> e.getValue().id().equals(profileId)).findFirst()
                .orElseThrow().getKey();
    }
}
