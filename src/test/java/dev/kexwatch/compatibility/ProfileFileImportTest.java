package dev.kexwatch.compatibility;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.algorithm.KexList;
import dev.kexwatch.fleet.ProfileStore;
import dev.kexwatch.negotiation.ClientProfile;
import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The profiles file is an import source: its profiles land in the database at start, where every replica reads
 * them (one without the file too), and a later import replaces them.
 */
@QuarkusTest
@TestProfile(ProfileFileImportTest.WithProfilesFile.class)
@CallsAs(Roles.OPERATOR)
class ProfileFileImportTest {

    /** A profiles file of one client, written before the application starts. */
    public static class WithProfilesFile implements QuarkusTestProfile {

        static final String PROFILES = """
                profiles:
                  - id: file-client
                    name: File client
                    version: "1"
                    source: profiles file of ProfileFileImportTest
                    kex: [curve25519-sha256]
                    hostkey: [ssh-ed25519]
                    cipher: [aes256-gcm@openssh.com]
                    mac: [hmac-sha2-256]
                    compression: [none]
                """;

        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path file = Files.createTempFile("kexwatch-profiles", ".yaml");
                file.toFile().deleteOnExit();
                Files.writeString(file, PROFILES);
                return Map.of("kexwatch.negotiation.profiles-file", file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    ProfileStore store;

    @Inject
    ProfileRegistry registry;

    @Test
    void theFileIsImportedIntoTheDatabaseAndServedFromThere() {
        assertThat(store.all()).filteredOn(s -> s.profile().id().equals("file-client"))
                .singleElement().satisfies(s -> assertThat(s.fromFile()).as("stored as imported from the file").isTrue());
        JsonPath profiles = given().get("/api/compatibility/profiles").then().statusCode(200).extract().jsonPath();
        assertThat(profiles.getString("find { it.id == 'file-client' }.origin")).startsWith("file:")
                .endsWith(".yaml");
        assertThat(profiles.getList("find { it.id == 'file-client' }.lists.cipher_c2s", String.class))
                .containsExactly("aes256-gcm@openssh.com");

        // the file is the place to change it: REST removes only what REST added
        given().delete("/api/compatibility/profiles/file-client").then().statusCode(404);
        assertThat(store.all()).extracting(s -> s.profile().id()).contains("file-client");
    }

    @Test
    void anotherImportReplacesTheFileProfilesAndLeavesTheApiOnesAlone() {
        String posted = "profiles: [{id: posted-client, name: Posted, version: '1', source: t, kex: [curve25519-sha256],"
                + " hostkey: [ssh-ed25519], cipher: [aes128-ctr], mac: [hmac-sha2-256], compression: [none]}]";
        given().contentType("text/yaml").body(posted).post("/api/compatibility/profiles").then().statusCode(201);
        ClientProfile original = registry.find("file-client").orElseThrow();
        try {
            assertThat(store.importFile(List.of(original), Instant.now())).as("the same file again changes nothing")
                    .isFalse();
            assertThat(store.importFile(List.of(renamed(original, "file-client-2")), Instant.now())).isTrue();
            registry.pollShared();

            assertThat(registry.find("file-client")).as("gone from the file, gone from the service").isEmpty();
            assertThat(registry.origin("file-client-2")).startsWith("file:");
            assertThat(registry.origin("posted-client")).isEqualTo("api");
        } finally {
            store.importFile(List.of(original), Instant.now());
            registry.pollShared();
            given().delete("/api/compatibility/profiles/posted-client").then().statusCode(204);
        }
        assertThat(registry.find("file-client")).isPresent();
    }

    private static ClientProfile renamed(ClientProfile profile, String id) {
        Map<KexList, List<String>> lists = new EnumMap<>(KexList.class);
        lists.putAll(profile.lists());
        return new ClientProfile(id, profile.name(), "2", profile.source(), lists);
    }
}
