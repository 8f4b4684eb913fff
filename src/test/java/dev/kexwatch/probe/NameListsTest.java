package dev.kexwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kexwatch.algorithm.ServerOffer;
import java.nio.charset.StandardCharsets;
import org.apache.sshd.common.util.buffer.BufferException;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.junit.jupiter.api.Test;

/** Names straight from the wire bytes read as the joined string split at commas would. */
class NameListsTest {

    @Test
    void splitsAsciiListsKeepingEmptyNames() {
        for (String raw : new String[] {"", "a", "a,b", ",a", "a,", ",", "a,,b", "curve25519-sha256,ext-info-s"}) {
            assertThat(names(raw.getBytes(StandardCharsets.US_ASCII))).as(raw).isEqualTo(ServerOffer.split(raw));
        }
    }

    @Test
    void decodesNonAsciiListsWholeAsUtf8() {
        byte[] malformed = {'a', (byte) 0xe2, (byte) 0x82, ',', 'b', (byte) 0xff};
        byte[] accented = "caf\u00e9,n\u00e4me".getBytes(StandardCharsets.UTF_8);
        for (byte[] raw : new byte[][] {malformed, accented}) {
            assertThat(names(raw)).isEqualTo(ServerOffer.split(new String(raw, StandardCharsets.UTF_8)));
        }
    }

    @Test
    void readsConsecutiveListsAndRefusesOneCutShort() {
        ByteArrayBuffer payload = new ByteArrayBuffer();
        payload.putString("x,y");
        payload.putString("");
        assertThat(NameLists.read(payload, 2)).containsExactly(java.util.List.of("x", "y"), java.util.List.of());

        ByteArrayBuffer cut = new ByteArrayBuffer();
        cut.putInt(10);
        cut.putRawBytes(new byte[] {'a', 'b'});
        assertThatThrownBy(() -> NameLists.read(cut, 1)).isInstanceOf(BufferException.class);
    }

    private static java.util.List<String> names(byte[] raw) {
        return NameLists.names(raw, 0, raw.length);
    }
}
