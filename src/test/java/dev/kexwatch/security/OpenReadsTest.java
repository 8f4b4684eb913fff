package dev.kexwatch.security;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code kexwatch.security.open-reads=true}: anybody reads, writes still need an operator. */
@QuarkusTest
@TestProfile(OpenReadsTest.OpenReads.class)
class OpenReadsTest {

    public static class OpenReads implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kexwatch.security.open-reads", "true");
        }
    }

    @Test
    void readsAreOpenWritesAreNot() {
        given().get("/api/hosts").then().statusCode(200);
        given().get("/api/reports/latest").then().statusCode(200);
        given().contentType(ContentType.JSON).body(AccessControlTest.host("127.0.0.66")).post("/api/hosts")
                .then().statusCode(401);
        given().post("/api/scans").then().statusCode(401);
        AccessControlTest.as(TestTokens.viewer()).post("/api/scans").then().statusCode(403);
    }
}
