package dev.kexwatch.compatibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.kexwatch.testsupport.Api;
import dev.kexwatch.testsupport.MinaSshServer;
import dev.kexwatch.testsupport.MinaSshServer.Algorithms;
import dev.kexwatch.testsupport.OpenSshServer;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Client compatibility over two real servers scanned by the service: a MINA server offering weak names (each
 * category with one name modern clients accept) and an OpenSSH server with a hardened configuration.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class CompatibilityResourceTest {

    static final String LABEL = "suite=compat";
    static final Algorithms WEAK = new Algorithms(
            List.of("diffie-hellman-group14-sha1", "diffie-hellman-group1-sha1", "diffie-hellman-group14-sha256"),
            List.of("ssh-rsa", "ssh-dss", "rsa-sha2-256"), List.of("aes128-cbc", "3des-cbc", "aes128-ctr"),
            List.of("hmac-md5", "hmac-sha1", "hmac-sha2-256"));


    private static MinaSshServer weak;
    private static OpenSshServer hardened;
    private static long weakId;
    private static long hardenedId;

    /** Once per class, after Quarkus is up (REST calls need its port). */
    @BeforeEach
    void scanBothAndAddAProfile() {
        if (weak != null) {
            return;
        }
        weak = MinaSshServer.start(WEAK);
        hardened = OpenSshServer.start("KexAlgorithms curve25519-sha256,sntrup761x25519-sha512@openssh.com",
                "HostKeyAlgorithms ssh-ed25519", "Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com",
                "MACs hmac-sha2-512-etm@openssh.com");
        weakId = Api.addHost("127.0.0.1", weak.port(), Map.of("suite", "compat", "tier", "legacy"));
        hardenedId = Api.addHost("127.0.0.1", hardened.port(), Map.of("suite", "compat", "tier", "hardened"));
        Api.scan(LABEL);
        given().contentType("application/yaml").body(oldAppliance()).post("/api/compatibility/profiles").then()
                .statusCode(201).body("[0].id", equalTo("old-appliance")).body("[0].origin", equalTo("api"));
    }

    /** A client that only speaks CBC ciphers and SHA-1, as old appliances do. */
    private static byte[] oldAppliance() {
        try (var in = CompatibilityResourceTest.class.getResourceAsStream("/profiles/old-appliance.yaml")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        weak.close();
        hardened.close();
    }

    private static JsonPath matrix() {
        return given().queryParam("label", LABEL).get("/api/compatibility/matrix").then().statusCode(200).extract()
                .jsonPath();
    }

    private static String cell(JsonPath matrix, String profile, long host, String field) {
        return matrix.getString("cells.find { it.profile == '" + profile + "' && it.hostId == " + host + " }." + field);
    }

    @Test
    void matrixSaysWhoFailsWhereAndWhy() {
        JsonPath matrix = matrix();

        assertThat(matrix.getInt("hosts")).isEqualTo(2);
        assertThat(matrix.getList("profiles", String.class)).contains("openssh-9.2", "jsch-0.1.55",
                "seed-cerberus-client", "old-appliance");
        assertThat(cell(matrix, "openssh-9.2", weakId, "works")).isEqualTo("true");
        assertThat(cell(matrix, "openssh-9.2", hardenedId, "works")).isEqualTo("true");
        assertThat(cell(matrix, "seed-cerberus-client", weakId, "works")).isEqualTo("true");
        assertThat(cell(matrix, "seed-cerberus-client", hardenedId, "failingCategory")).isEqualTo("kex");
        assertThat(cell(matrix, "jsch-0.1.55", hardenedId, "reason")).isEqualTo("no matching key exchange method found");
        assertThat(cell(matrix, "old-appliance", weakId, "works")).isEqualTo("true");
        assertThat(matrix.getList("unreachable['openssh-9.2']", Long.class)).isEmpty();
        assertThat(matrix.getList("unreachable['seed-cerberus-client']", Long.class)).containsExactly(hardenedId);
        assertThat(matrix.getList("unreachable['old-appliance']", Long.class)).containsExactly(hardenedId);
    }

    @Test
    void matrixComesAsCsvAndBadLabelsAreProblems() {
        String csv = given().accept("text/csv").queryParam("label", LABEL).get("/api/compatibility/matrix").then()
                .statusCode(200).extract().asString();
        assertThat(csv).startsWith("profile,host_id,address,port,works,failing_list,failing_category,reason\r\n")
                .contains("openssh-9.2," + weakId + ",127.0.0.1," + weak.port() + ",true,,,\r\n")
                .contains("seed-cerberus-client," + hardenedId + ",127.0.0.1," + hardened.port()
                        + ",false,kex,kex,no matching key exchange method found\r\n");
        given().queryParam("label", "suite").get("/api/compatibility/matrix").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("label"));
    }

    @Test
    void oneHostGivesTheChosenAlgorithmsOrTheFailureInBothWordings() {
        JsonPath works = given().queryParam("client", "openssh-9.2").get("/api/compatibility/hosts/" + hardenedId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(works.getString("identification")).startsWith("SSH-2.0-OpenSSH_9.2");
        assertThat(works.getMap("results[0].chosen")).containsEntry("kex", "sntrup761x25519-sha512@openssh.com")
                .containsEntry("host_key", "ssh-ed25519").containsEntry("cipher_c2s", "chacha20-poly1305@openssh.com")
                .containsEntry("mac_c2s", "<implicit>").containsEntry("compression_s2c", "none");
        assertThat(works.getBoolean("results[0].strictKex")).isTrue();

        JsonPath fails = given().queryParam("client", "seed-cerberus-client")
                .get("/api/compatibility/hosts/" + hardenedId).then().statusCode(200).extract().jsonPath();
        assertThat(fails.getBoolean("results[0].works")).isFalse();
        assertThat(fails.getString("results[0].failure.openssh")).startsWith("Unable to negotiate with 127.0.0.1 port "
                + hardened.port() + ": no matching key exchange method found. Their offer: curve25519-sha256,"
                + "sntrup761x25519-sha512@openssh.com");
        assertThat(fails.getString("results[0].failure.seed")).startsWith(
                "No common kex: [S: curve25519-sha256,sntrup761x25519-sha512@openssh.com").endsWith(
                "[C: ecdh-sha2-nistp256,ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha256,"
                        + "diffie-hellman-group-exchange-sha1,diffie-hellman-group1-sha1]");
        assertThat(fails.getList("results[0].fixes.side", String.class)).containsExactly("client", "server");
        assertThat(fails.getString("results[0].fixes[0].instruction"))
                .isEqualTo("enable sntrup761x25519-sha512@openssh.com in the client's kex list");
        assertThat(fails.getString("results[0].fixes[1].instruction")).startsWith("sshd_config: KexAlgorithms +");

        JsonPath all = given().get("/api/compatibility/hosts/" + weakId).then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("results.client", String.class)).contains("openssh-9.2", "old-appliance", "paramiko-3");
    }

    @Test
    void unknownHostOrClientIsAProblem() {
        given().get("/api/compatibility/hosts/987654321").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("client", "telnet").get("/api/compatibility/hosts/" + weakId).then().statusCode(400)
                .body("errors[0].field", equalTo("client"));
    }

    @Test
    void removingCbcFromTheWeakHostBreaksOnlyTheCbcClient() {
        JsonPath whatIf = whatIf(Map.of("sshdConfig", "Ciphers -aes128-cbc,3des-cbc", "label", LABEL));

        assertThat(whatIf.getInt("hosts")).isEqualTo(2);
        assertThat(whatIf.getInt("hostsChanged")).isEqualTo(1);
        assertThat(whatIf.getList("newlyBroken.profile", String.class)).containsExactly("old-appliance");
        assertThat(whatIf.getLong("newlyBroken[0].hostId")).isEqualTo(weakId);
        assertThat(whatIf.getString("newlyBroken[0].failingCategory")).isEqualTo("cipher");
        assertThat(whatIf.getString("newlyBroken[0].seed")).startsWith("No common S2C cipher: [S: aes128-ctr]");
        assertThat(whatIf.getList("newlyWorking")).isEmpty();
        assertThat(whatIf.getList("byProfile['old-appliance'].breaksOn", Long.class)).containsExactly(weakId);
    }

    @Test
    void relaxingTheHardenedHostMakesTheOldClientWork() {
        JsonPath whatIf = whatIf(Map.of("label", "tier=hardened", "sshdConfig", """
                KexAlgorithms +diffie-hellman-group14-sha1
                HostKeyAlgorithms +ssh-rsa
                Ciphers +aes128-cbc
                MACs +hmac-sha1"""));

        assertThat(whatIf.getList("newlyBroken")).isEmpty();
        assertThat(whatIf.getList("byProfile['old-appliance'].worksOn", Long.class)).containsExactly(hardenedId);
    }

    @Test
    void applyingTheBaselinePolicyBreaksSha1OnlyClientsOnTheWeakHost() {
        JsonPath whatIf = whatIf(Map.of("policy", "baseline", "label", LABEL));

        assertThat(whatIf.getList("newlyBroken.profile", String.class)).contains("seed-cerberus-client",
                "jsch-0.1.55", "old-appliance").doesNotContain("openssh-9.2", "openssh-10");
        assertThat(whatIf.getList("newlyBroken.hostId", Long.class)).containsOnly(weakId);
        assertThat(whatIf.getString("newlyBroken.find { it.profile == 'seed-cerberus-client' }.failingCategory"))
                .isEqualTo("kex");
    }

    @Test
    void aChangeThatCannotBeAppliedIsUnprocessable() {
        given().contentType(ContentType.JSON).body(Map.of("sshdConfig", "PermitRootLogin no"))
                .post("/api/compatibility/what-if").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sshdConfig"));
        given().contentType(ContentType.JSON).body(Map.of("policy", "no-such-policy"))
                .post("/api/compatibility/what-if").then().statusCode(422).body("errors[0].field", equalTo("policy"));
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/compatibility/what-if").then().statusCode(422);
    }

    @Test
    void aGaugePerProfileCountsTheHostsItCannotReach() {
        JsonPath fleet = given().get("/api/compatibility/matrix").then().statusCode(200).extract().jsonPath();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        for (String profile : List.of("seed-cerberus-client", "openssh-9.2", "old-appliance")) {
            int unreachable = fleet.getList("unreachable['" + profile + "']").size();
            assertThat(metrics).contains("kexwatch_client_unreachable_hosts{profile=\"" + profile + "\"} "
                    + unreachable + ".0");
        }
        assertThat(fleet.getList("unreachable['seed-cerberus-client']", Long.class)).contains(hardenedId);
    }

    private static JsonPath whatIf(Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/compatibility/what-if").then()
                .statusCode(200).extract().jsonPath();
    }
}
