package dev.kexwatch.listen;

import static org.assertj.core.api.Assertions.assertThat;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.algorithm.ServerOffer;
import dev.kexwatch.testsupport.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real clients from Debian packages and Maven Central connect to the listener; what it captured equals, list by
 * list and in order, what each client says it sent: Dropbear's list of its ciphers and MACs, PuTTY's own packet
 * log, Paramiko's preferred lists, MINA SSHD's proposal event and JSch's log.
 */
class RealClientsCaptureTest {

    @TempDir
    Path dir;

    @Test
    void dropbearClientSendsItsAvailableCiphersAndMacs() {
        String ciphers = after(ClientProcess.run(List.of("dbclient", "-c", "help")), "Available ciphers: ");
        String macs = after(ClientProcess.run(List.of("dbclient", "-m", "help")), "Available MACs: ");
        Capture all = capture(port -> dbclient(port));
        Capture chosen = capture(port -> dbclient(port, "-c", "aes256-ctr", "-m", "hmac-sha2-256"));

        assertThat(all.identification().orElseThrow().softwareVersion()).startsWith("dropbear_");
        assertThat(raw(all, KexList.CIPHER_C2S)).isEqualTo(ciphers);
        assertThat(raw(all, KexList.MAC_S2C)).isEqualTo(macs);
        assertThat(raw(chosen, KexList.CIPHER_C2S)).isEqualTo("aes256-ctr");
        assertThat(raw(chosen, KexList.MAC_C2S)).isEqualTo("hmac-sha2-256");
    }

    @Test
    void plinkSendsWhatItsOwnPacketLogShows() throws IOException {
        Path log = dir.resolve("plink.log");
        Capture capture = capture(port -> ClientProcess.run(List.of("plink", "-batch", "-sshlog", log.toString(),
                "-P", String.valueOf(port), Ports.LOOPBACK, "true")));

        assertThat(capture.identification().orElseThrow().softwareVersion()).startsWith("PuTTY_");
        assertThat(capture.lists().orElseThrow()).isEqualTo(plinkLoggedKexinit(Files.readAllLines(log)));
    }

    @Test
    void paramikoSendsItsPreferredListsPlusExtInfo() {
        Map<String, String> said = new HashMap<>();
        Capture capture = capture(port -> {
            said.putAll(paramiko(port, "macs=hmac-md5,hmac-md5-96"));
            return said;
        });

        assertThat(capture.identification().orElseThrow().softwareVersion()).isEqualTo("paramiko_" + said.get("version"));
        assertThat(raw(capture, KexList.KEX)).isEqualTo(said.get("kex") + ",ext-info-c");
        assertThat(raw(capture, KexList.HOST_KEY)).isEqualTo(said.get("hostkey"));
        assertThat(raw(capture, KexList.CIPHER_S2C)).isEqualTo(said.get("cipher"));
        assertThat(raw(capture, KexList.MAC_C2S)).isEqualTo(said.get("mac")).doesNotContain("hmac-md5");
        assertThat(raw(capture, KexList.COMPRESSION_C2S)).isEqualTo(said.get("compression"));
    }

    @Test
    void minaSshdClientSendsItsProposal() throws IOException {
        Map<KexProposalOption, String> proposal = new EnumMap<>(KexProposalOption.class);
        try (Captures listener = new Captures(); SshClient client = SshClient.setUpDefaultClient()) {
            client.addSessionListener(new SessionListener() {
                @Override
                public void sessionNegotiationOptionsCreated(Session session, Map<KexProposalOption, String> sent) {
                    proposal.putAll(sent);
                }
            });
            client.start();
            try (ClientSession session = client.connect("kexwatch", Ports.LOOPBACK, listener.port())
                    .verify(Duration.ofSeconds(10)).getSession()) {
                Capture capture = listener.next();

                assertThat(capture.identification().orElseThrow().softwareVersion()).startsWith("APACHE-SSHD-");
                // MINA appends the strict-KEX marker to its first KEXINIT after the proposal event (AbstractSession)
                proposal.merge(KexProposalOption.ALGORITHMS, ",kex-strict-c-v00@openssh.com", String::concat);
                for (KexProposalOption option : KexProposalOption.VALUES) {
                    assertThat(capture.lists().orElseThrow().raw(KexList.values()[option.ordinal()])).as("%s", option)
                            .isEqualTo(proposal.getOrDefault(option, ""));
                }
            }
        }
    }

    @Test
    void jschSendsWhatItLogs() {
        List<String> log = new CopyOnWriteArrayList<>();
        JSch.setLogger(new com.jcraft.jsch.Logger() {
            @Override
            public boolean isEnabled(int level) {
                return true;
            }

            @Override
            public void log(int level, String message) {
                log.add(message);
            }
        });
        try {
            Capture capture = capture(port -> jsch(port));

            assertThat(capture.identification().orElseThrow().softwareVersion()).startsWith("JSCH");
            List<String> said = log.stream().filter(m -> m.startsWith("client proposal: "))
                    .map(m -> m.substring(m.lastIndexOf(": ") + 2)).toList();
            List<String> captured = Arrays.stream(KexList.values()).map(list -> raw(capture, list)).toList();
            assertThat(said).as("JSch's log: %s", log).hasSize(10);
            for (int i = 0; i < said.size(); i++) {
                assertThat(said.get(i)).as("list %d", i)
                        .isEqualTo(captured.get(i));
            }
        } finally {
            JSch.setLogger(null);
        }
    }

    private static Object jsch(int port) {
        try {
            com.jcraft.jsch.Session session = new JSch().getSession("kexwatch", Ports.LOOPBACK, port);
            session.setConfig("StrictHostKeyChecking", "no");
            session.connect(10_000);
            session.disconnect();
        } catch (JSchException expected) {
            // the listener disconnects before any key exchange
        }
        return null;
    }

    private static String dbclient(int port, String... options) {
        List<String> command = new ArrayList<>(List.of("dbclient", "-y", "-y", "-p", String.valueOf(port)));
        command.addAll(Arrays.asList(options));
        command.addAll(List.of(Ports.LOOPBACK, "true"));
        return ClientProcess.run(command);
    }

    private static Map<String, String> paramiko(int port, String disabled) {
        Path script = Path.of("src/test/resources/dev/kexwatch/listen/paramiko_client.py");
        String output = ClientProcess.run(List.of("/usr/bin/python3", script.toString(), String.valueOf(port), disabled));
        Map<String, String> said = new HashMap<>();
        output.lines().filter(l -> l.contains("=")).forEach(l -> said.putIfAbsent(l.substring(0, l.indexOf('=')),
                l.substring(l.indexOf('=') + 1)));
        return said;
    }

    /** The KEXINIT payload PuTTY's {@code -sshlog} dumps in hex (cookie first), read back to its ten lists. */
    private static ServerOffer plinkLoggedKexinit(List<String> log) {
        int start = log.indexOf(log.stream().filter(l -> l.startsWith("Outgoing packet") && l.contains("KEXINIT"))
                .findFirst().orElseThrow());
        java.io.ByteArrayOutputStream payload = new java.io.ByteArrayOutputStream();
        for (int i = start + 1; i < log.size() && log.get(i).startsWith("  0"); i++) {
            String hex = log.get(i).substring(12, Math.min(log.get(i).length(), 12 + 16 * 3));
            for (String b : hex.trim().split(" +")) {
                payload.write(Integer.parseInt(b, 16));
            }
        }
        ByteArrayBuffer buffer = new ByteArrayBuffer(payload.toByteArray());
        buffer.rpos(16);
        List<String> lists = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            lists.add(buffer.getString());
        }
        return ServerOffer.fromRaw(lists);
    }

    private static String raw(Capture capture, KexList list) {
        return capture.lists().orElseThrow().raw(list);
    }

    private static String after(String output, String prefix) {
        return output.lines().filter(l -> l.contains(prefix)).findFirst().orElseThrow()
                .substring(output.lines().filter(l -> l.contains(prefix)).findFirst().orElseThrow().indexOf(prefix)
                        + prefix.length()).strip();
    }

    private static Capture capture(java.util.function.IntFunction<Object> client) {
        try (Captures listener = new Captures()) {
            CompletableFuture<Object> run = CompletableFuture.supplyAsync(() -> client.apply(listener.port()));
            Capture capture = listener.next();
            run.join();
            assertThat(capture.outcome()).as(capture.detail()).isEqualTo(ListenOutcome.CAPTURED);
            return capture;
        }
    }
}
