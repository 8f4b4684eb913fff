package dev.kexwatch.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerOfferTest {

    @Test
    void splitKeepsEveryNameEmptyOnesIncluded() {
        for (String raw : new String[] {"a", "a,b", ",a", "a,", ",", ",,", "a,,b", "curve25519-sha256,ext-info-s"}) {
            assertThat(ServerOffer.split(raw)).as(raw).containsExactly(raw.split(",", -1));
        }
        assertThat(ServerOffer.split("")).isEmpty();
        assertThat(ServerOffer.split(null)).isEmpty();
    }

    @Test
    void fromRawKeepsTheWireOrderAndTheRawForm() {
        List<String> raw = Arrays.asList("k1,k2", "h", "c", "c", "m", "m", "none", "none", "", "");
        ServerOffer offer = ServerOffer.fromRaw(raw);

        assertThat(offer.get(KexList.KEX)).containsExactly("k1", "k2");
        assertThat(offer.get(KexList.LANGUAGE_S2C)).isEmpty();
        assertThat(offer.raw(KexList.KEX)).isEqualTo("k1,k2");
        assertThatThrownBy(() -> offer.get(KexList.KEX).add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ServerOffer.fromRaw(raw.subList(0, 9))).isInstanceOf(IllegalArgumentException.class);
    }
}
