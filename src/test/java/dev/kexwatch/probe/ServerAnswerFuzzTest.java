package dev.kexwatch.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.sshd.common.util.Readable;

/**
 * Jazzer feeds random bytes as a server's whole answer, in random segments, through the probe's reader: it
 * never throws, always ends the probe with an outcome and a detail, and every piece of text in the result is
 * one PostgreSQL stores in text and jsonb columns (no NUL, valid UTF-8) and a terminal shows inertly (no
 * control character). The service test {@code HostileFleetScanTest} and {@code RefusedResultTest} take such
 * results on through the store and the reports. Replays {@code ServerAnswerFuzzTestInputs/answer} in a plain
 * run; fuzzes for at most 30 seconds with {@code JAZZER_FUZZ=1}.
 */
class ServerAnswerFuzzTest {

    private static final int CAP = 256 * 1024;

    @FuzzTest(maxDuration = "30s")
    void answer(FuzzedDataProvider data) {
        int segment = data.consumeInt(1, 4096);
        ProbeResult result = probe(data.consumeRemainingAsBytes(), segment);

        assertThat(result.outcome()).isNotNull();
        assertThat(result.detail()).isNotBlank();
        assertThat(result.ok()).isEqualTo(result.offer().isPresent());
        texts(result).forEach(text -> assertThat(storableAndInert(text))
                .as("unsafe text from the server: %s", Arrays.toString(text.getBytes(StandardCharsets.UTF_8)))
                .isTrue());
    }

    /** The bytes in segments of {@code segment} bytes, then the server closes, as the probe's handler sees it. */
    static ProbeResult probe(byte[] answer, int segment) {
        ProbeAttempt attempt = new ProbeAttempt(new Target("127.0.0.1", 22), Instant.EPOCH);
        ServerHelloReader reader = new ServerHelloReader(attempt, CAP);
        for (int from = 0; from < answer.length && !attempt.finished(); from += segment) {
            reader.feed(Readable.readable(ByteBuffer.wrap(answer, from, Math.min(segment, answer.length - from))));
        }
        FailureClassifier.closed(attempt);
        return attempt.future().join();
    }

    private static Stream<String> texts(ProbeResult result) {
        Stream<String> identification = result.identification().stream()
                .flatMap(id -> Stream.concat(Stream.of(id.line()), id.preIdentificationLines().stream()));
        Stream<String> names = result.offer().stream().flatMap(offer -> offer.lists().values().stream())
                .flatMap(list -> list.stream());
        return Stream.of(Stream.of(result.detail()), identification, names).flatMap(s -> s);
    }

    /** Judged independently of the probe's escaping: what PostgreSQL refuses and what a terminal obeys. */
    static boolean storableAndInert(String text) {
        boolean validUtf8 = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(text);
        boolean noControl = text.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL);
        return validUtf8 && noControl;
    }
}
