package dev.kexwatch.capture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.negotiation.OpenSshClient;
import dev.kexwatch.negotiation.SshDebugLog;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import dev.kexwatch.security.TestTokens;
import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.HostileBehaviour.Kexinits;
import dev.kexwatch.testsupport.Ports;
import dev.kexwatch.testsupport.SshPackets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's listener end to end: Debian's ssh, configured like the seed's Cerberus client, connects to the
 * port the service bound; REST lists the capture with exactly the lists ssh says it sent, shows the client
 * policy's findings with ssh_config fixes, promotes it to a profile, and the compatibility matrix then names the
 * real OpenSSH server (ETM-only MACs) it fails on in the seed's form. Viewers read, only operators write.
 */
@QuarkusTest
@TestProfile(ListenerOnProfile.class)
@CallsAs(Roles.OPERATOR)
class CapturedClientResourceTest {

    static final String LABEL = "suite=capture";
    private static final String ETM_ONLY = "hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com";
    /** The seed client's MACs, as its Cerberus log lists them. */
    private static final String SEED_MACS = "hmac-md5,hmac-sha1,hmac-sha2-256,hmac-sha1-96,hmac-md5-96";
    /** ssh made to send the seed client's lists, as far as Debian's ssh knows the names. */
    private static final String[] SEED_CLIENT = {
        "KexAlgorithms=ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha256,"
                + "diffie-hellman-group-exchange-sha1,diffie-hellman-group1-sha1",
        "HostKeyAlgorithms=ssh-rsa,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521",
        "Ciphers=aes128-ctr,aes128-cbc,3des-cbc", "MACs=" + SEED_MACS};

    private static OpenSshServer etmOnly;
    private static long etmHostId;

    /** Once per class, after Quarkus is up: a real server with ETM-only MACs, scanned by the service. */
    @BeforeEach
    void scanTheServer() {
        if (etmOnly != null) {
            return;
        }
        etmOnly = OpenSshServer.start("Ciphers aes128-ctr,aes256-ctr", "MACs " + ETM_ONLY);
        etmHostId = Api.addHost(Ports.LOOPBACK, etmOnly.port(), Map.of("suite", "capture"));
        Api.scan(LABEL);
    }

    @AfterAll
    static void stop() {
        etmOnly.close();
    }

    @Test
    void aCapturedSeedClientIsListedPromotedAndFailsWhereTheMatrixSays() {
        JsonPath listener = given().get("/api/captured-clients/listener").then().statusCode(200).extract().jsonPath();
        assertThat(listener.getBoolean("enabled")).isTrue();
        assertThat(listener.getString("bind")).isEqualTo(Ports.LOOPBACK);
        int port = listener.getInt("port");

        ClientProfile said = SshDebugLog.parse(OpenSshClient.run(port, SEED_CLIENT)).client().orElseThrow();
        long id = awaitCapture("mac_c2s", SEED_MACS.split(","));
        JsonPath capture = given().get("/api/captured-clients/" + id).then().statusCode(200).extract().jsonPath();

        for (KexList list : KexList.values()) {
            assertThat(capture.getList("capture.lists." + list.key(), String.class)).as(list.key())
                    .containsExactlyElementsOf(said.get(list));
        }
        assertThat(capture.getList("capture.lists.kex", String.class)).contains("ext-info-c",
                "kex-strict-c-v00@openssh.com");
        assertThat(capture.getString("capture.identification")).startsWith("SSH-2.0-OpenSSH_");
        assertThat(capture.getString("capture.peer")).startsWith(Ports.LOOPBACK + ":");
        assertThat(capture.getBoolean("capture.compliant")).isFalse();
        assertThat(capture.getString("capture.worstSeverity")).isEqualTo("HIGH");
        assertThat(capture.getList("capture.findingRules", String.class)).contains("no-cbc-cipher", "no-sha1-mac");
        assertThat(capture.getList("policy.findings.remediation", String.class))
                .contains("ssh_config: Ciphers -aes128-cbc,3des-cbc");
        assertThat(capture.getString("profile.id")).startsWith("captured-openssh_");
        assertThat(capture.getList("profile.mac_c2s", String.class)).containsExactly(SEED_MACS.split(","));

        given().contentType(ContentType.JSON).body(Map.of("name", "seed-like-agent"))
                .post("/api/captured-clients/" + id + "/promote").then().statusCode(201)
                .body("id", equalTo("seed-like-agent")).body("origin", equalTo("api"))
                .body("source", containsString(capture.getString("capture.peer")))
                .body("source", containsString(capture.getString("capture.capturedAt")));
        JsonPath host = given().queryParam("client", "seed-like-agent").get("/api/compatibility/hosts/" + etmHostId)
                .then().statusCode(200).extract().jsonPath();
        String seedMacs = "[S: " + ETM_ONLY + "] [C: " + SEED_MACS + "]";
        assertThat(host.getBoolean("results[0].works")).isFalse();
        assertThat(host.getList("results[0].seedLog", String.class)).contains("No common C2S mac: " + seedMacs);
        JsonPath matrix = given().queryParam("label", LABEL).get("/api/compatibility/matrix").then().statusCode(200)
                .extract().jsonPath();
        assertThat(matrix.getList("unreachable['seed-like-agent']", Long.class)).containsExactly(etmHostId);
        // ssh names the S2C list first, and so does the matrix cell; the seed log names both directions
        assertThat(matrix.getString("cells.find { it.profile == 'seed-like-agent' }.seed"))
                .isEqualTo("No common S2C mac: " + seedMacs);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(given().get("/q/metrics").then()
                .extract().asString()).contains("kexwatch_client_unreachable_hosts{profile=\"seed-like-agent\"} 1.0"));

        given().delete("/api/captured-clients/" + id).then().statusCode(204);
        given().get("/api/captured-clients/" + id).then().statusCode(404).contentType("application/problem+json");
        given().delete("/api/captured-clients/" + id).then().statusCode(404);
        given().get("/api/compatibility/profiles").then().body("find { it.id == 'seed-like-agent' }.origin",
                equalTo("api"));
        given().delete("/api/compatibility/profiles/seed-like-agent").then().statusCode(204);
    }

    @Test
    void viewersReadButCannotPromoteOrDelete() {
        long id = captureDefaultClient("hmac-sha2-512,umac-128@openssh.com");
        String viewer = "Bearer " + TestTokens.viewer();

        given().header("Authorization", viewer).get("/api/captured-clients").then().statusCode(200);
        given().header("Authorization", viewer).get("/api/captured-clients/" + id).then().statusCode(200);
        given().header("Authorization", viewer).contentType(ContentType.JSON).body(Map.of())
                .post("/api/captured-clients/" + id + "/promote").then().statusCode(403);
        given().header("Authorization", viewer).delete("/api/captured-clients/" + id).then().statusCode(403);
        given().get("/api/captured-clients/" + id).then().statusCode(200);
        given().delete("/api/captured-clients/" + id).then().statusCode(204);
    }

    @Test
    void badPromotionsAreProblemsAndADefaultNameComesFromTheIdentification() {
        long id = captureDefaultClient("hmac-sha2-256,hmac-sha2-512-etm@openssh.com");
        String promote = "/api/captured-clients/" + id + "/promote";

        given().contentType(ContentType.JSON).body("{\"nmae\": \"x\"}").post(promote).then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"name\": ").post(promote).then().statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("name", "../etc\u001b[2J")).post(promote).then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("\\x1b[2J"));
        given().contentType(ContentType.JSON).body(Map.of("name", "openssh-9.2")).post(promote).then()
                .statusCode(409).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/captured-clients/999999999/promote").then()
                .statusCode(404);

        String derived = given().contentType(ContentType.JSON).body(Map.of()).post(promote).then().statusCode(201)
                .extract().path("id");
        assertThat(derived).startsWith("captured-openssh_");
        given().get("/api/captured-clients/" + id).then().body("profile.id", equalTo(derived));
        given().delete("/api/compatibility/profiles/" + derived).then().statusCode(204);
        given().delete("/api/captured-clients/" + id).then().statusCode(204);
    }

    /**
     * A hostile client: control bytes in its identification (a terminal title and a bell), a formula as its
     * first kex name and 15,000 more names. Stored, listed, exported and promoted with all of it escaped.
     */
    @Test
    void aHostileClientIsStoredListedAndExportedSafely() {
        int port = given().get("/api/captured-clients/listener").then().extract().path("port");
        List<String> lists = new java.util.ArrayList<>(Kexinits.standard());
        lists.set(0, "=1+2," + java.util.stream.IntStream.range(0, 15_000).mapToObj(i -> "k" + i + "@evil")
                .collect(java.util.stream.Collectors.joining(",")));
        sendRaw(port, "SSH-2.0-Evil\u001b]0;pwned\u0007_1.0 hi\r\n", lists);
        long id = await().atMost(Duration.ofSeconds(30)).until(() -> {
            Number found = given().get("/api/captured-clients").then().statusCode(200).extract()
                    .path("items.find { it.identification.startsWith('SSH-2.0-Evil') }.id");
            return found == null ? null : found.longValue();
        }, java.util.Objects::nonNull);

        JsonPath capture = given().get("/api/captured-clients/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(capture.getString("capture.identification")).isEqualTo("SSH-2.0-Evil\\x1b]0;pwned\\x07_1.0 hi");
        assertThat(capture.getList("capture.lists.kex", String.class)).hasSize(15_001).startsWith("=1+2", "k0@evil")
                .endsWith("k14999@evil");
        String csv = given().accept("text/csv").get("/api/captured-clients").then().statusCode(200).extract()
                .asString();
        assertThat(csv).startsWith("id,captured_at,peer,replica,identification,policy,compliant,worst_severity,"
                + "finding_rules,profile_id,kex,host_key,cipher_c2s,cipher_s2c,mac_c2s,mac_s2c,")
                .contains(",SSH-2.0-Evil\\x1b]0;pwned\\x07_1.0 hi,").contains(",'=1+2 k0@evil k1@evil ")
                .doesNotContain("\u001b", "\u0007");
        String derived = given().contentType(ContentType.JSON).body(Map.of()).post("/api/captured-clients/" + id
                + "/promote").then().statusCode(201).body("source", containsString("'SSH-2.0-Evil\\x1b]0;pwned"))
                .extract().path("id");
        assertThat(derived).isEqualTo("captured-evil-x1b-0-pwned-x07_1.0");
        given().delete("/api/compatibility/profiles/" + derived).then().statusCode(204);
        given().delete("/api/captured-clients/" + id).then().statusCode(204);
    }

    /** A client reconnecting in a loop cannot fill the database: the newest kexwatch.listen.keep (3) stay. */
    @Test
    void onlyTheNewestCapturesAreKept() {
        int port = given().get("/api/captured-clients/listener").then().extract().path("port");
        for (int i = 1; i <= 5; i++) {
            sendRaw(port, "SSH-2.0-Loop_" + i + "\r\n", Kexinits.standard());
            String identification = "SSH-2.0-Loop_" + i;
            await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/api/captured-clients").then()
                    .extract().<List<String>>path("items.identification").contains(identification));
        }

        JsonPath kept = given().get("/api/captured-clients").then().statusCode(200).extract().jsonPath();
        assertThat(kept.getList("items.identification", String.class)).containsExactly("SSH-2.0-Loop_5",
                "SSH-2.0-Loop_4", "SSH-2.0-Loop_3");
        assertThat(kept.getLong("total")).isEqualTo(3);
        kept.getList("items.id", Long.class).forEach(id -> given().delete("/api/captured-clients/" + id).then()
                .statusCode(204));
    }

    /** Sends an identification and a KEXINIT of {@code lists}, then reads until the listener closes. */
    static void sendRaw(int port, String identification, List<String> lists) {
        sendRaw(port, identification.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                SshPackets.packet(SshPackets.kexinitPayload(lists, false)));
    }

    /**
     * Sends {@code parts}, whatever they are, then reads until the listener closes. A listener that gives up on a
     * hostile stream may close, or reset, before all of it is sent: the test then asks the service what it saw.
     */
    static void sendRaw(int port, byte[]... parts) {
        try (java.net.Socket socket = new java.net.Socket(Ports.LOOPBACK, port)) {
            socket.setSoTimeout(30_000);
            try {
                for (byte[] part : parts) {
                    socket.getOutputStream().write(part);
                }
                socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (java.net.SocketException closedOrReset) {
                // as above: the listener ended the connection first
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Debian's ssh with its defaults but a MAC list only the calling test sends; returns the capture's id. */
    static long captureDefaultClient(String macs) {
        int port = given().get("/api/captured-clients/listener").then().extract().path("port");
        OpenSshClient.run(port, "MACs=" + macs);
        return awaitCapture("mac_c2s", macs.split(","));
    }

    /** The newest capture whose {@code list} is {@code names}: stored by the listener's thread, so awaited. */
    static long awaitCapture(String list, String... names) {
        String find = "items.find { it.lists." + list + " == " + groovyList(names) + " }.id";
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            Number id = given().get("/api/captured-clients").then().statusCode(200).extract().path(find);
            return id == null ? null : id.longValue();
        }, java.util.Objects::nonNull);
    }

    private static String groovyList(String... names) {
        return List.of(names).stream().map(n -> "'" + n + "'").collect(java.util.stream.Collectors.joining(",", "[",
                "]"));
    }
}
