package dev.kexwatch.compatibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.kexwatch.fleet.StoredProfile;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Client profiles over REST: listing with origins, adding (YAML or JSON) with located errors, removing. */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class ClientProfileResourceTest {

    @Test
    void builtInProfilesAreListedWithSourcesAndLists() {
        JsonPath profiles = given().get("/api/compatibility/profiles").then().statusCode(200).extract().jsonPath();

        assertThat(profiles.getList("id", String.class)).contains("openssh-7.4", "openssh-10", "putty-0.81",
                "jsch-0.1.55", "paramiko-3", "go-x-crypto", "mina-sshd-2", "ssh-net", "libssh2-1.11",
                "seed-cerberus-client");
        assertThat(profiles.getString("find { it.id == 'openssh-9.2' }.origin")).isEqualTo("built-in");
        assertThat(profiles.getString("find { it.id == 'openssh-9.2' }.source")).contains("Observed");
        assertThat(profiles.getBoolean("find { it.id == 'openssh-9.2' }.strictKex")).isTrue();
        assertThat(profiles.getList("find { it.id == 'jsch-0.1.55' }.lists.mac_c2s", String.class))
                .startsWith("hmac-md5", "hmac-sha1");
    }

    @Test
    void aBrokenProfileIsRefusedWithLineAndColumn() {
        String broken = """
                profiles:
                  - id: typo-client
                    name: Typo
                    version: "1"
                    source: test
                    kex: curve25519-sha256
                    hostkey: ssh-ed25519
                    ciphers: aes128-ctr
                    mac: hmac-sha2-256
                    compression: none
                """;
        given().contentType("application/yaml").body(broken.getBytes(StandardCharsets.UTF_8)).post("/api/compatibility/profiles").then()
                .statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("line 8, column 5"))
                .body("errors[0].message", containsString("unknown key 'ciphers'"));
        given().get("/api/compatibility/profiles").then().body("id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("typo-client")));
    }

    @Test
    void aBuiltInIdCannotBeTakenAgain() {
        String clash = "profiles: [{id: openssh-9.2, name: x, version: '1', source: t, kex: a, hostkey: b, "
                + "cipher: c, mac: d, compression: none}]";
        given().contentType("text/yaml").body(clash.getBytes(StandardCharsets.UTF_8)).post("/api/compatibility/profiles").then().statusCode(422)
                .body("errors[0].message", containsString("'openssh-9.2' already exists"));
    }

    @Test
    void aJsonProfileIsAddedStoredAndRemoved() {
        Map<String, Object> profile = Map.of("id", "json-client", "name", "JSON client", "version", "2",
                "source", "posted as JSON", "kex", List.of("curve25519-sha256"), "hostkey", List.of("ssh-ed25519"),
                "cipher", List.of("aes256-gcm@openssh.com"), "mac", List.of("hmac-sha2-256"), "compression",
                List.of("none"));
        given().contentType(ContentType.JSON).body(Map.of("profiles", List.of(profile)))
                .post("/api/compatibility/profiles").then().statusCode(201).body("[0].id", equalTo("json-client"))
                .body("[0].lists.cipher_s2c[0]", equalTo("aes256-gcm@openssh.com"));
        assertThat(StoredProfile.<StoredProfile>findByIdOptional("json-client")).isPresent();
        given().get("/api/compatibility/profiles").then()
                .body("find { it.id == 'json-client' }.origin", equalTo("api"));

        given().delete("/api/compatibility/profiles/json-client").then().statusCode(204);
        given().delete("/api/compatibility/profiles/json-client").then().statusCode(404);
        given().delete("/api/compatibility/profiles/openssh-9.2").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/compatibility/profiles").then().body("id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("json-client")));
    }
}
