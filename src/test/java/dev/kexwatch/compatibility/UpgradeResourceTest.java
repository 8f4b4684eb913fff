package dev.kexwatch.compatibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.testsupport.TinySshServer;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Upgrade what-if and post-quantum readiness over two real servers scanned by the service: Debian's sshd with
 * legacy additions and tinysshd, plus a client profile that needs those legacy names.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class UpgradeResourceTest {

    static final String LABEL = "suite=upgrade";
    static final String LEGACY_CLIENT = """
            profiles:
              - id: upgrade-test-legacy
                name: Legacy appliance
                version: "1"
                source: a test client that needs SHA-1 key exchange and ssh-rsa
                kex: diffie-hellman-group14-sha1
                hostkey: ssh-rsa
                cipher: aes128-ctr
                mac: hmac-sha1
                compression: none
            """;

    private static OpenSshServer legacy;
    private static TinySshServer tinysshd;
    private static long legacyId;
    private static long tinyId;

    /** Once per class, after Quarkus is up (REST calls need its port). */
    @BeforeEach
    void scanBoth() {
        if (legacy != null) {
            return;
        }
        legacy = OpenSshServer.start("KexAlgorithms +diffie-hellman-group14-sha1", "HostKeyAlgorithms +ssh-rsa");
        tinysshd = TinySshServer.start();
        legacyId = Api.addHost("127.0.0.1", legacy.port(), Map.of("suite", "upgrade", "tier", "legacy"));
        tinyId = Api.addHost("127.0.0.1", tinysshd.target().port(), Map.of("suite", "upgrade", "tier", "small"));
        Api.scan(LABEL);
        given().contentType("application/yaml").body(LEGACY_CLIENT.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/compatibility/profiles").then()
                .statusCode(201);
    }

    @AfterAll
    static void stop() {
        legacy.close();
        tinysshd.close();
    }

    private static JsonPath post(String path, Map<String, Object> body, int status) {
        return given().contentType(ContentType.JSON).body(body).post("/api/compatibility/upgrade/" + path).then()
                .statusCode(status).extract().jsonPath();
    }

    @Test
    void releasesAreListedWithTheirDefaultOffer() {
        JsonPath releases = given().get("/api/compatibility/releases").then().statusCode(200).extract().jsonPath();
        assertThat(releases.getList("id", String.class)).contains("openssh-9.2", "openssh-10.0", "dropbear-2022.83");
        assertThat(releases.getList("find { it.id == 'openssh-10.0' }.defaultServerOffer.kex", String.class))
                .startsWith("mlkem768x25519-sha256");
    }

    @Test
    void movingTheOpenSshHostToReleaseDefaultsBreaksTheLegacyClientInTheSeedsWording() {
        JsonPath moved = post("servers", Map.of("release", "openssh-10.0", "label", LABEL, "software", "OpenSSH_9.2",
                "keepOverrides", false), 200);

        assertThat(moved.getInt("hosts")).isEqualTo(1);
        assertThat(moved.getString("moves[0].from")).isEqualTo("openssh-9.2");
        assertThat(moved.getString("newlyBroken.find { it.profile == 'upgrade-test-legacy' }.seed")).isEqualTo(
                "No common kex: [S: mlkem768x25519-sha256,sntrup761x25519-sha512,sntrup761x25519-sha512@openssh.com,"
                        + "curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256,ecdh-sha2-nistp384,"
                        + "ecdh-sha2-nistp521,ext-info-s,kex-strict-s-v00@openssh.com] [C: diffie-hellman-group14-sha1]");
        assertThat(moved.getList("byProfile['upgrade-test-legacy'].breaksOn", Long.class)).containsExactly(legacyId);

        JsonPath kept = post("servers", Map.of("release", "openssh-10.0", "label", LABEL, "software", "OpenSSH_9.2"), 200);
        assertThat(kept.getList("moves[0].overrides", String.class)).containsExactly(
                "KexAlgorithms +diffie-hellman-group14-sha1", "HostKeyAlgorithms +ssh-rsa");
        assertThat(kept.getList("newlyBroken.profile", String.class)).doesNotContain("upgrade-test-legacy");
    }

    @Test
    void aClientUpgradeSaysWhereItNewlyFails() {
        JsonPath result = post("client", Map.of("from", "openssh-9.2", "to", "upgrade-test-legacy", "label", LABEL),
                200);

        assertThat(result.getInt("hosts")).isEqualTo(2);
        assertThat(result.getList("newlyBroken.hostId", Long.class)).containsExactly(tinyId);
        assertThat(result.getString("newlyBroken[0].reason")).isEqualTo("no matching key exchange method found");
    }

    @Test
    void badRequestsAreLocatedProblems() {
        JsonPath unknown = post("servers", Map.of("release", "openssh-1.0"), 422);
        assertThat(unknown.getString("errors[0].field")).isEqualTo("release");
        assertThat(unknown.getString("errors[0].message")).contains("openssh-10.0");
        assertThat(post("client", Map.of("from", "openssh-9.2", "to", "nope"), 422).getString("errors[0].field"))
                .isEqualTo("to");
        given().queryParam("label", "suite").get("/api/compatibility/post-quantum").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("label"));
    }

    @Test
    void postQuantumReadinessSaysWhichSideBlocks() {
        JsonPath pq = given().queryParam("label", LABEL).queryParam("groupBy", "tier").get("/api/compatibility/post-quantum")
                .then().statusCode(200).extract().jsonPath();

        assertThat(status(pq, "openssh-9.2", tinyId)).isEqualTo("post_quantum");
        assertThat(pq.getString("cells.find { it.profile == 'openssh-9.2' && it.hostId == " + tinyId + " }.kex"))
                .isEqualTo("sntrup761x25519-sha512@openssh.com");
        assertThat(status(pq, "openssh-7.4", legacyId)).isEqualTo("client_offers_none");
        assertThat(status(pq, "openssh-8.8", legacyId)).isEqualTo("order_picks_classical");
        assertThat(status(pq, "upgrade-test-legacy", tinyId)).isEqualTo("no_common_kex");
        assertThat(pq.getLong("byLabel.small.postQuantum")).isPositive();
        assertThat(pq.getLong("byLabel.legacy.pairs")).isEqualTo(pq.getLong("byLabel.small.pairs"));
        assertThat(pq.getLong("byProfile['openssh-9.2'].postQuantum")).isEqualTo(2);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("kexwatch_client_pq_hosts{profile=\"openssh-9.2\",status=\"post_quantum\"}");
    }

    private static String status(JsonPath pq, String profile, long host) {
        return pq.getString("cells.find { it.profile == '" + profile + "' && it.hostId == " + host + " }.status");
    }
}
