package dev.kexwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.testsupport.HostileBehaviour.Kexinits;
import dev.kexwatch.testsupport.SshPackets;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.sshd.common.util.Readable;
import org.junit.jupiter.api.Test;

/** The reader alone, fed bytes as a connection would deliver them, no network. */
class ServerHelloReaderTest {

    private static final byte[] KEXINIT = SshPackets.packet(SshPackets.kexinitPayload(Kexinits.standard(), false));
    private static final int CAP = 256 * 1024;

    @Test
    void readsIdentificationAndKexinitArrivingTogether() {
        ProbeResult result = read(CAP, bytes("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", KEXINIT));

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.OK);
        assertThat(result.identification().orElseThrow().line()).isEqualTo("SSH-2.0-OpenSSH_9.2p1 Debian-2");
        assertKexinit(result);
    }

    @Test
    void readsTheSameOneByteAtATime() {
        byte[] all = bytes("pre 1\r\nSSH-2.0-X\r\n", KEXINIT);
        ProbeAttempt attempt = attempt();
        ServerHelloReader reader = new ServerHelloReader(attempt, CAP);
        for (int i = 0; i < all.length; i++) {
            assertThat(attempt.finished()).as("finished after %d of %d bytes", i, all.length).isFalse();
            reader.feed(readable(Arrays.copyOfRange(all, i, i + 1)));
        }
        ProbeResult result = attempt.future().join();

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.OK);
        assertThat(result.identification().orElseThrow().preIdentificationLines()).containsExactly("pre 1");
        assertKexinit(result);
    }

    @Test
    void acceptsLinesEndingInBareLineFeed() {
        ProbeResult result = read(CAP, bytes("hello\nSSH-2.0-Old_1\n", KEXINIT));

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.OK);
        assertThat(result.identification().orElseThrow().line()).isEqualTo("SSH-2.0-Old_1");
    }

    @Test
    void skipsIgnoreDebugAndUnimplementedBeforeKexinit() {
        byte[] ignore = SshPackets.packet(SshPackets.messageWithString(SshPackets.MSG_IGNORE, new byte[100]));
        byte[] debug = SshPackets.packet(new byte[] {4, 1, 0, 0, 0, 2, 'h', 'i', 0, 0, 0, 0});
        byte[] unimplemented = SshPackets.packet(new byte[] {3, 0, 0, 0, 7});
        ProbeResult result = read(CAP, bytes("SSH-2.0-X\r\n", ignore, debug, unimplemented, KEXINIT));

        assertThat(result.outcome()).as(result.detail()).isEqualTo(ProbeOutcome.OK);
        assertKexinit(result);
    }

    @Test
    void ignoresWhateverFollowsTheKexinit() {
        byte[] guessed = SshPackets.packet(SshPackets.messageWithString(SshPackets.MSG_KEX_ECDH_INIT, new byte[32]));
        ProbeResult result = read(CAP, bytes("SSH-2.0-X\r\n", KEXINIT, guessed, new byte[] {(byte) 0xff, 1, 2}));

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.OK);
    }

    @Test
    void anotherMessageBeforeKexinitIsAProtocolError() {
        byte[] newKeys = SshPackets.packet(new byte[] {21});
        ProbeResult result = read(CAP, bytes("SSH-2.0-X\r\n", newKeys, KEXINIT));

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.PROTOCOL_ERROR);
        assertThat(result.detail()).contains("message 21");
    }

    @Test
    void aNameListLongerThanItsPacketIsAProtocolError() {
        byte[] payload = SshPackets.kexinitPayload(Kexinits.standard(), false);
        payload[1 + 16 + 3] = (byte) 200; // first name-list length 200: past the end of the payload
        ProbeResult result = read(CAP, bytes("SSH-2.0-X\r\n", SshPackets.packet(payload)));

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.PROTOCOL_ERROR);
        assertThat(result.detail()).contains("malformed SSH_MSG_KEXINIT");
    }

    @Test
    void unknownProtocolVersionIsAProtocolError() {
        ProbeResult result = read(CAP, bytes("SSH-3.0-Future\r\n", KEXINIT));

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.PROTOCOL_ERROR);
        assertThat(result.identification().orElseThrow().protocolVersion()).isEqualTo("3.0");
    }

    @Test
    void byteCapCountsExactly() {
        byte[] all = bytes("SSH-2.0-X\r\n", KEXINIT);

        assertThat(read(all.length, all).outcome()).isEqualTo(ProbeOutcome.OK);
        ProbeResult capped = read(all.length - 1, all);
        assertThat(capped.outcome()).isEqualTo(ProbeOutcome.PROTOCOL_ERROR);
        assertThat(capped.detail()).contains("more than " + (all.length - 1) + " bytes");
    }

    @Test
    void textWithNulBeforeAnyIdentificationIsNotSsh() {
        ProbeResult result = read(CAP, bytes("\u0000\u0001binary\r\n"));

        assertThat(result.outcome()).isEqualTo(ProbeOutcome.NOT_SSH);
        assertThat(result.detail()).contains("\\x00\\x01binary");
    }

    private static void assertKexinit(ProbeResult result) {
        List<String> raw = Kexinits.standard();
        for (KexList list : KexList.values()) {
            assertThat(result.offer().orElseThrow().raw(list)).as(list.key()).isEqualTo(raw.get(list.ordinal()));
        }
    }

    private static ProbeResult read(int cap, byte[] data) {
        ProbeAttempt attempt = attempt();
        new ServerHelloReader(attempt, cap).feed(readable(data));
        assertThat(attempt.finished()).as("finished").isTrue();
        return attempt.future().join();
    }

    private static ProbeAttempt attempt() {
        return new ProbeAttempt(new Target("127.0.0.1", 22), Instant.now());
    }

    private static Readable readable(byte[] data) {
        return Readable.readable(ByteBuffer.wrap(data));
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) part);
        }
        return out.toByteArray();
    }
}
