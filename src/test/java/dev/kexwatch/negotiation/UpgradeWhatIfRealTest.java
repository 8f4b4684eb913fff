package dev.kexwatch.negotiation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.probe.ProbeEngine;
import dev.kexwatch.probe.ProbeResult;
import dev.kexwatch.probe.ProbeSettings;
import dev.kexwatch.testsupport.OpenSshServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upgrade what-if against the real thing. Two real sshd hosts (one with legacy additions, one default) are
 * probed; OpenSSH clients are captured from {@code ssh -vvv} (each a restricted ssh, as a captured client
 * profile would be); the what-if moves both hosts to a release; then the hosts are restarted with that
 * release's configuration and the real ssh is run again. Every predicted failure (and only those) must be
 * met by the real client, with the same OpenSSH message.
 */
class UpgradeWhatIfRealTest {

    private static final String[] LEGACY = {"KexAlgorithms +diffie-hellman-group14-sha1,diffie-hellman-group1-sha1",
        "HostKeyAlgorithms +ssh-rsa", "Ciphers +aes128-cbc,3des-cbc", "MACs +hmac-md5"};
    private static final Map<String, String[]> CLIENTS = clients();
    private static final ReleaseCatalog CATALOG = ReleaseCatalog.builtIn();
    private static final String THEIR_OFFER = "Their offer: ";
    private static ProbeEngine engine;

    private final Negotiator negotiator = new Negotiator();

    private static Map<String, String[]> clients() {
        Map<String, String[]> clients = new LinkedHashMap<>();
        clients.put("ssh-default", new String[] {});
        clients.put("ssh-group14-sha1", new String[] {"KexAlgorithms=diffie-hellman-group14-sha1"});
        clients.put("ssh-rsa-sha1", new String[] {"HostKeyAlgorithms=ssh-rsa"});
        clients.put("ssh-cbc", new String[] {"Ciphers=aes128-cbc,3des-cbc"});
        clients.put("ssh-md5", new String[] {"Ciphers=aes128-ctr", "MACs=hmac-md5"});
        clients.put("ssh-sntrup-alias", new String[] {"KexAlgorithms=sntrup761x25519-sha512"});
        clients.put("as-seed-cerberus-client", OpenSshEmulation.options(
                ClientProfiles.builtIn().find("seed-cerberus-client").orElseThrow()));
        return clients;
    }

    @BeforeAll
    static void start() {
        engine = new ProbeEngine(new ProbeSettings(Duration.ofSeconds(10), 2, 256 * 1024));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** Hosts as probed before the move, and the clients captured against them. */
    private record Fleet(List<HostOffer> hosts, Map<String, String> software, List<ClientProfile> clients,
            Map<String, Boolean> realBefore) {
    }

    @Test
    void movingToOpenSsh92DefaultsBreaksWhatTheRealClientThenMeets() {
        List<MatrixCell> broken = check(release("openssh-9.2"), false, move -> new String[] {});

        assertThat(pairs(broken)).contains("ssh-group14-sha1@legacy", "ssh-rsa-sha1@legacy", "ssh-cbc@legacy",
                "ssh-md5@legacy").noneMatch(pair -> pair.endsWith("@plain"));
    }

    @Test
    void movingToOpenSsh96DefaultsAlsoDropsTheDebianAlias() {
        List<MatrixCell> broken = check(release("openssh-9.6"), false, move -> configOf(move.offer()));

        assertThat(pairs(broken)).contains("ssh-group14-sha1@legacy", "ssh-sntrup-alias@legacy",
                "ssh-sntrup-alias@plain");
        assertThat(broken).filteredOn(c -> c.profileId().equals("ssh-sntrup-alias")).allSatisfy(c -> assertThat(
                c.failure().orElseThrow().seedMessage()).startsWith("No common kex: [S: sntrup761x25519-sha512@openssh.com,"));
    }

    @Test
    void serversMovingFromOpenSsh74To89BreakClientsThatOnlySignWithSshRsa() {
        // A real sshd restricted to 7.4's default lists (from the catalogue). 8.8 dropped ssh-rsa signatures and 8.2
        // the SHA-1 groups: clients that know nothing newer stop connecting, the rest keep working.
        Map<String, String[]> like74 = new LinkedHashMap<>();
        like74.put("like-7.4", configOf(release("openssh-7.4").defaultServerOffer()));
        List<MatrixCell> broken = check(like74, release("openssh-8.9"), false, move -> configOf(move.offer()));

        assertThat(pairs(broken)).containsExactlyInAnyOrder("ssh-rsa-sha1@like-7.4", "ssh-group14-sha1@like-7.4");
        assertThat(broken).filteredOn(c -> c.profileId().equals("ssh-rsa-sha1")).singleElement()
                .satisfies(c -> assertThat(c.failure().orElseThrow().list()).isEqualTo(KexList.HOST_KEY));
    }

    @Test
    void keepingTheInferredOverridesOnlyTheDroppedAliasBreaks() {
        List<MatrixCell> broken = check(release("openssh-9.6"), true, move -> configOf(move.offer()));

        assertThat(pairs(broken)).containsExactlyInAnyOrder("ssh-sntrup-alias@legacy", "ssh-sntrup-alias@plain");
    }

    @Test
    void overridesAreInferredFromTheHostsOwnRelease() {
        try (OpenSshServer legacy = OpenSshServer.start(LEGACY)) {
            ProbeResult result = engine.probe(legacy.target()).join();
            ReleaseMove move = ReleaseMove.of(CATALOG, release("openssh-10.0"), result.offer().orElseThrow(),
                    result.identification().orElseThrow().softwareVersion(), true);

            assertThat(move.from().map(Release::id)).contains("openssh-9.2");
            assertThat(move.overrides()).containsExactly(
                    "KexAlgorithms +diffie-hellman-group14-sha1,diffie-hellman-group1-sha1",
                    "HostKeyAlgorithms +ssh-rsa", "Ciphers +aes128-cbc,3des-cbc", "MACs +hmac-md5");
            assertThat(move.offer().get(KexList.KEX)).startsWith("mlkem768x25519-sha256")
                    .contains("diffie-hellman-group1-sha1").endsWith("ext-info-s", "kex-strict-s-v00@openssh.com");
            assertThat(move.offer().get(KexList.HOST_KEY)).containsExactly("ssh-ed25519", "ecdsa-sha2-nistp256",
                    "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
        }
    }

    /**
     * Runs one what-if and checks it against the real restart; returns the predicted newly broken cells.
     * {@code restart} gives the sshd_config lines equal to a host's moved configuration.
     */
    private List<MatrixCell> check(Release target, boolean keepOverrides, Function<ReleaseMove, String[]> restart) {
        Map<String, String[]> before = new LinkedHashMap<>();
        before.put("legacy", LEGACY);
        before.put("plain", new String[] {});
        return check(before, target, keepOverrides, restart);
    }

    /** As above for hosts started with {@code before} (host id to its sshd_config lines), in map order. */
    private List<MatrixCell> check(Map<String, String[]> before, Release target, boolean keepOverrides,
            Function<ReleaseMove, String[]> restart) {
        Fleet fleet;
        try (Servers servers = Servers.start(before)) {
            fleet = capture(servers.byId());
        }
        Map<String, ReleaseMove> moves = new LinkedHashMap<>();
        fleet.hosts().forEach(h -> moves.put(h.hostId(), ReleaseMove.of(CATALOG, target, h.offer(),
                fleet.software().get(h.hostId()), keepOverrides)));
        List<HostOffer> after = fleet.hosts().stream().map(h -> new HostOffer(h.hostId(), moves.get(h.hostId()).offer()))
                .toList();
        WhatIf whatIf = WhatIf.compare(negotiator, fleet.clients(), fleet.hosts(), after);

        List<String> realBroken = new ArrayList<>();
        Map<String, String[]> moved = new LinkedHashMap<>();
        moves.forEach((id, move) -> moved.put(id, restart.apply(move)));
        try (Servers servers = Servers.start(moved)) {
            Map<String, OpenSshServer> restarted = servers.byId();
            for (MatrixCell predicted : whatIf.after().cells()) {
                OpenSshServer server = restarted.get(predicted.hostId());
                String pair = predicted.profileId() + "@" + predicted.hostId();
                Optional<String> real = SshDebugLog.parse(OpenSshClient.run(server.port(),
                        CLIENTS.get(predicted.profileId()))).failure();
                assertThat(real.map(UpgradeWhatIfRealTest::withoutSignals)).as(pair).isEqualTo(predicted.failure()
                        .map(m -> withoutSignals(m.openSshMessage("127.0.0.1", server.port()))));
                if (fleet.realBefore().get(pair) && real.isPresent()) {
                    realBroken.add(pair);
                }
            }
        }
        assertThat(new TreeSet<>(pairs(whatIf.newlyBroken()))).isEqualTo(new TreeSet<>(realBroken));
        return whatIf.newlyBroken();
    }

    /** Probes the hosts and captures every client (its real KEXINIT) and whether it connects today. */
    private Fleet capture(Map<String, OpenSshServer> servers) {
        List<HostOffer> hosts = new ArrayList<>();
        Map<String, String> software = new LinkedHashMap<>();
        List<String> ids = List.copyOf(servers.keySet());
        for (String id : ids) {
            ProbeResult result = engine.probe(servers.get(id).target()).join();
            hosts.add(new HostOffer(id, result.offer().orElseThrow()));
            software.put(id, result.identification().orElseThrow().softwareVersion());
        }
        List<ClientProfile> clients = new ArrayList<>();
        Map<String, Boolean> realBefore = new LinkedHashMap<>();
        CLIENTS.forEach((id, options) -> {
            for (String host : ids) {
                SshDebugLog log = SshDebugLog.parse(OpenSshClient.run(servers.get(host).port(), options));
                realBefore.put(id + "@" + host, log.failure().isEmpty());
                if (host.equals(ids.get(0))) {
                    ClientProfile seen = log.client().orElseThrow();
                    clients.add(new ClientProfile(id, seen.name(), seen.version(), seen.source(), seen.lists()));
                }
            }
        });
        return new Fleet(hosts, software, clients, realBefore);
    }

    /** sshd_config lines that make Debian's sshd send exactly this offer's configurable lists. */
    private static String[] configOf(ServerOffer offer) {
        return new String[] {
            "KexAlgorithms " + String.join(",", offer.get(KexList.KEX).stream().filter(n -> !Signals.isSignal(n)).toList()),
            "HostKeyAlgorithms " + String.join(",", offer.get(KexList.HOST_KEY)),
            "Ciphers " + String.join(",", offer.get(KexList.CIPHER_C2S)),
            "MACs " + String.join(",", offer.get(KexList.MAC_C2S))};
    }

    /**
     * OpenSSH's message with the signal names cut from "Their offer": a 9.2 sshd configured like 9.6 sends its
     * own signals (no ext-info-s), the one difference between it and a real 9.6, and never a negotiated one.
     */
    private static String withoutSignals(String message) {
        int at = message.indexOf(THEIR_OFFER);
        if (at < 0) {
            return message;
        }
        List<String> names = List.of(message.substring(at + THEIR_OFFER.length()).split(","));
        return message.substring(0, at + THEIR_OFFER.length())
                + String.join(",", names.stream().filter(n -> !Signals.isSignal(n)).toList());
    }

    /** Real sshd hosts started together (in map order) and stopped together. */
    private record Servers(Map<String, OpenSshServer> byId) implements AutoCloseable {

        static Servers start(Map<String, String[]> configs) {
            Servers servers = new Servers(new LinkedHashMap<>());
            try {
                configs.forEach((id, lines) -> servers.byId().put(id, OpenSshServer.start(lines)));
                return servers;
            } catch (RuntimeException e) {
                servers.close();
                throw e;
            }
        }

        @Override
        public void close() {
            byId.values().forEach(OpenSshServer::close);
        }
    }

    private static List<String> pairs(List<MatrixCell> cells) {
        return cells.stream().map(c -> c.profileId() + "@" + c.hostId()).toList();
    }

    private static Release release(String id) {
        return CATALOG.find(id).orElseThrow();
    }
}
