package dev.kexwatch.listen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.testsupport.Ports;
import dev.kexwatch.testsupport.SshPackets;
import dev.kexwatch.testsupport.HostileBehaviour.Kexinits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Clients that send garbage, endless or odd lines, huge or malformed KEXINITs, nothing at all, or too many
 * connections: each ends with a named outcome within the listener's time and byte bounds, and the listener
 * goes on capturing.
 */
class HostileClientTest {

    private static final String IDENT = "SSH-2.0-Hostile_1\r\n";
    private static final byte[] KEXINIT = SshPackets.packet(SshPackets.kexinitPayload(Kexinits.standard(), false));

    @Test
    void capturesARawClientAndDisconnectsItWithAReason() {
        try (Captures listener = new Captures()) {
            byte[] answer = send(listener.port(), bytes(IDENT.getBytes(StandardCharsets.US_ASCII), KEXINIT));
            Capture capture = listener.next();

            assertThat(capture.outcome()).isEqualTo(ListenOutcome.CAPTURED);
            assertThat(capture.lists().orElseThrow().raw(KexList.KEX)).isEqualTo(Kexinits.standard().get(0));
            assertThat(capture.peer()).startsWith(Ports.LOOPBACK + ":");
            String text = new String(answer, StandardCharsets.ISO_8859_1);
            assertThat(text).startsWith(ListenerHello.IDENTIFICATION + "\r\n").contains(ListenerHello.CAPTURED_REASON);
        }
    }

    @Test
    void garbageIsNotSsh() {
        byte[] garbage = new byte[200_000];
        new Random(16).nextBytes(garbage);
        garbage[0] = 'x';
        Capture capture = one(garbage);

        assertThat(capture.outcome()).as(capture.detail()).isIn(ListenOutcome.NOT_SSH, ListenOutcome.PROTOCOL_ERROR);
    }

    @Test
    void endlessIdentificationLineIsAProtocolError() {
        byte[] endless = bytes("SSH-2.0-".getBytes(StandardCharsets.US_ASCII), "A".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
        Capture capture = one(endless);

        assertThat(capture.outcome()).isEqualTo(ListenOutcome.PROTOCOL_ERROR);
        assertThat(capture.detail()).contains("longer than 255 bytes");
        assertThat(capture.identification().orElseThrow().line()).hasSize(255);
    }

    @Test
    void endlessLinesBeforeTheIdentificationAreNotSsh() {
        Capture capture = one("hello\r\n".repeat(20_000).getBytes(StandardCharsets.US_ASCII));

        assertThat(capture.outcome()).isEqualTo(ListenOutcome.NOT_SSH);
        assertThat(capture.detail()).contains("first line 'hello'");
    }

    @Test
    void hugePacketLengthIsRefusedBeforeAnyBufferGrows() {
        byte[] header = ByteBuffer.allocate(5).putInt(50_000_000).put((byte) 4).array();
        Capture capture = one(bytes(IDENT.getBytes(StandardCharsets.US_ASCII), header));

        assertThat(capture.outcome()).isEqualTo(ListenOutcome.PROTOCOL_ERROR);
        assertThat(capture.detail()).contains("invalid packet_length 50000000");
    }

    @Test
    void truncatedKexinitIsMalformed() {
        byte[] payload = SshPackets.kexinitPayload(Kexinits.standard(), false);
        byte[] cut = SshPackets.packet(Arrays.copyOf(payload, 40));
        Capture capture = one(bytes(IDENT.getBytes(StandardCharsets.US_ASCII), cut));

        assertThat(capture.outcome()).isEqualTo(ListenOutcome.PROTOCOL_ERROR);
        assertThat(capture.detail()).contains("malformed SSH_MSG_KEXINIT").doesNotContain("server");
    }

    @Test
    void sshOneClientIsNamed() {
        Capture capture = one("SSH-1.5-OldClient\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(capture.outcome()).isEqualTo(ListenOutcome.SSH1_ONLY);
    }

    @Test
    void hostileNamesAreKeptEscapedAndUnknownNamesVerbatim() {
        List<String> lists = new ArrayList<>(Kexinits.standard());
        lists.set(0, "curve25519-sha256,\u001b[31mred,unknown-kex@example.org,kex-strict-c-v00@openssh.com");
        byte[] kexinit = SshPackets.packet(SshPackets.kexinitPayload(lists, false));
        Capture capture = one(bytes("SSH-2.0-Evil\u001b]0;x\u0007 c\r\n".getBytes(StandardCharsets.UTF_8), kexinit));

        assertThat(capture.outcome()).isEqualTo(ListenOutcome.CAPTURED);
        assertThat(capture.lists().orElseThrow().get(KexList.KEX)).containsExactly("curve25519-sha256",
                "\\x1b[31mred", "unknown-kex@example.org", "kex-strict-c-v00@openssh.com");
        assertThat(capture.identification().orElseThrow().line()).isEqualTo("SSH-2.0-Evil\\x1b]0;x\\x07 c");
    }

    @Test
    void silenceTimesOutWaitingForTheIdentification() {
        try (Captures listener = new Captures(Duration.ofMillis(300)); Socket socket = connect(listener.port())) {
            Capture capture = listener.next();

            assertThat(capture.outcome()).isEqualTo(ListenOutcome.TIMEOUT_IDENTIFICATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void identificationThenSilenceTimesOutWaitingForTheKexinit() {
        try (Captures listener = new Captures(Duration.ofMillis(300)); Socket socket = connect(listener.port())) {
            socket.getOutputStream().write(IDENT.getBytes(StandardCharsets.US_ASCII));
            Capture capture = listener.next();

            assertThat(capture.outcome()).isEqualTo(ListenOutcome.TIMEOUT_KEXINIT);
            assertThat(capture.identification().orElseThrow().line()).isEqualTo("SSH-2.0-Hostile_1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFloodBeyondTheCapIsRefusedAndTheListenerKeepsCapturing() throws IOException {
        ListenSettings settings = ListenSettings.loopback(0).withMaxConnections(2).withTimeout(Duration.ofSeconds(20));
        try (Captures listener = new Captures(settings)) {
            List<Socket> held = List.of(served(listener.port()), served(listener.port()));
            for (int i = 0; i < 200; i++) {
                try (Socket extra = connect(listener.port())) {
                    assertThat(extra.getInputStream().read()).as("connection %d over the cap", i).isEqualTo(-1);
                }
            }
            for (int i = 0; i < 200; i++) {
                assertThat(listener.next().outcome()).isEqualTo(ListenOutcome.OVER_CAP);
            }
            for (Socket socket : held) {
                socket.close();
                assertThat(listener.next().outcome()).isEqualTo(ListenOutcome.CLOSED_EARLY);
            }
            send(listener.port(), bytes(IDENT.getBytes(StandardCharsets.US_ASCII), KEXINIT));
            assertThat(listener.next().outcome()).isEqualTo(ListenOutcome.CAPTURED);
        }
    }

    /** A connection the listener is serving: it has sent its identification on it. */
    private static Socket served(int port) throws IOException {
        Socket socket = connect(port);
        InputStream in = socket.getInputStream();
        assertThat(in.read()).isEqualTo('S');
        return socket;
    }

    private static Capture one(byte[] data) {
        try (Captures listener = new Captures()) {
            send(listener.port(), data);
            return listener.next();
        }
    }

    /** Sends {@code data}, then reads whatever comes back until the listener closes. */
    private static byte[] send(int port, byte[] data) {
        try (Socket socket = connect(port)) {
            try {
                socket.getOutputStream().write(data);
            } catch (IOException closedWhileWriting) {
                // the listener may stop reading a hostile stream before it is all sent
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(answer);
            } catch (IOException reset) {
                // a listener that stopped reading may reset instead of closing
            }
            return answer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Socket connect(int port) throws IOException {
        Socket socket = new Socket(Ports.LOOPBACK, port);
        socket.setSoTimeout(30_000);
        return socket;
    }

    private static byte[] bytes(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
