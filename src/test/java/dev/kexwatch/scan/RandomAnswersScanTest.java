package dev.kexwatch.scan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.Ports;
import dev.kexwatch.testsupport.SshPackets;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The store and report half of the fuzz target (ServerAnswerFuzzTest feeds random bytes through the probe in a
 * JVM of its own; Jazzer cannot instrument a running Quarkus service): random server answers, from a seed
 * printed on failure, are scanned through the service into the real PostgreSQL. The scan finishes, every host
 * has a stored result, and every report over them answers 200.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class RandomAnswersScanTest {

    private static final int HOSTS = 30;
    private static final Duration SCAN_DEADLINE = Duration.ofSeconds(120);

    @Test
    void randomAnswersAreStoredAndReported() throws IOException {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String corpus = UUID.randomUUID().toString();
        List<ServerSocket> listeners = new ArrayList<>();
        Map<Long, byte[]> answers = new LinkedHashMap<>();
        try {
            for (int i = 0; i < HOSTS; i++) {
                byte[] answer = answer(random);
                ServerSocket listener = new ServerSocket(0, 10, InetAddress.getByName(Ports.LOOPBACK));
                listeners.add(listener);
                serve(listener, answer);
                answers.put(Api.addHost(Ports.LOOPBACK, listener.getLocalPort(), Map.of("corpus", corpus)), answer);
            }
            long scanId = given().queryParam("label", "corpus=" + corpus).post("/api/scans").then().statusCode(202)
                    .extract().jsonPath().getLong("id");
            await().atMost(SCAN_DEADLINE).until(() -> given().get("/api/scans/" + scanId).then().extract()
                    .jsonPath().getString("status"), status -> !"running".equals(status));

            assertThat(given().get("/api/scans/" + scanId).then().extract().jsonPath().getString("status"))
                    .as("seed %d", seed).isEqualTo("finished");
            answers.keySet().forEach(host -> assertThat(Api.host(host).getLong("compliance.scanId"))
                    .as("seed %d, host %d", seed, host).isEqualTo(scanId));
            given().queryParam("label", "corpus=" + corpus).get("/api/reports/latest").then().statusCode(200);
            given().queryParam("label", "corpus=" + corpus).header("Accept", "text/csv").get("/api/reports/latest")
                    .then().statusCode(200);
            given().queryParam("groupBy", "corpus").get("/api/reports/summary").then().statusCode(200);
            given().get("/api/reports/changes").then().statusCode(200);
        } finally {
            for (ServerSocket listener : listeners) {
                listener.close();
            }
        }
    }

    /** Pure noise, an identification followed by noise, or an identification and a KEXINIT of random names. */
    private static byte[] answer(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> bytes(random, random.nextInt(2048));
            case 1 -> concat(ascii("SSH-2.0-"), bytes(random, random.nextInt(64)), ascii("\r\n"),
                    bytes(random, random.nextInt(2048)));
            default -> {
                List<byte[]> lists = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    lists.add(bytes(random, random.nextInt(96)));
                }
                yield concat(ascii("SSH-2.0-Random_1.0\r\n"),
                        SshPackets.packet(SshPackets.kexinitPayloadOfBytes(lists, random.nextBoolean())));
            }
        };
    }

    /** Answers every connection with the same bytes, then holds it until the prober closes it. */
    private static void serve(ServerSocket listener, byte[] answer) {
        Thread thread = new Thread(() -> {
            while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                    OutputStream out = socket.getOutputStream();
                    out.write(answer);
                    out.flush();
                    socket.setSoTimeout(5_000);
                    socket.getInputStream().transferTo(OutputStream.nullOutputStream());
                } catch (IOException closedOrReset) {
                    // the prober hung up, or the test is over
                }
            }
        }, "random-answer");
        thread.setDaemon(true);
        thread.start();
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
