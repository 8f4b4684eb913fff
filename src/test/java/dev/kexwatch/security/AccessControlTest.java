package dev.kexwatch.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Who may do what over REST, with real tokens verified by smallrye-jwt; the class sends no token by default. */
@QuarkusTest
class AccessControlTest {

    private static final List<String> READS = List.of("/api/hosts", "/api/scans", "/api/reports/latest");

    @Test
    void withoutATokenNothingUnderApiIsReachable() {
        for (String path : READS) {
            given().get(path).then().statusCode(401).header("WWW-Authenticate", "Bearer");
        }
        given().contentType(ContentType.JSON).body(host("127.0.0.61")).post("/api/hosts").then().statusCode(401);
        given().post("/api/scans").then().statusCode(401);
        given().delete("/api/hosts/1").then().statusCode(401);
        asOperator().get("/api/hosts?size=1000").then().body("items.address", not(hasItem("127.0.0.61")));
    }

    @Test
    void viewersReadButCannotWrite() {
        int id = asOperator().contentType(ContentType.JSON).body(host("127.0.0.62")).post("/api/hosts")
                .then().statusCode(201).extract().path("id");
        for (String path : READS) {
            as(TestTokens.viewer()).get(path).then().statusCode(200);
        }
        as(TestTokens.viewer()).contentType(ContentType.JSON).body(host("127.0.0.63")).post("/api/hosts")
                .then().statusCode(403);
        as(TestTokens.viewer()).delete("/api/hosts/" + id).then().statusCode(403);
        int scansBefore = asOperator().get("/api/scans").then().extract().path("total");
        as(TestTokens.viewer()).post("/api/scans").then().statusCode(403);
        asOperator().get("/api/hosts?size=1000").then()
                .body("items.address", hasItem("127.0.0.62")).body("items.address", not(hasItem("127.0.0.63")));
        asOperator().get("/api/scans").then().body("total", equalTo(scansBefore));
    }

    @Test
    void operatorsReadAndWrite() {
        int id = asOperator().contentType(ContentType.JSON).body(host("127.0.0.64")).post("/api/hosts")
                .then().statusCode(201).extract().path("id");
        asOperator().get("/api/hosts/" + id).then().statusCode(200).body("address", equalTo("127.0.0.64"));
        asOperator().delete("/api/hosts/" + id).then().statusCode(204);
    }

    @Test
    void badTokensAreRefusedLikeNoToken() {
        for (String token : List.of(TestTokens.expired(), TestTokens.signedByStranger(), TestTokens.otherIssuer(),
                "not-a-jwt", TestTokens.operator().replaceFirst("\\.[^.]+$", ".c2lnbmF0dXJl"))) {
            as(token).get("/api/hosts").then().statusCode(401);
            as(token).contentType(ContentType.JSON).body(host("127.0.0.65")).post("/api/hosts").then().statusCode(401);
        }
        asOperator().get("/api/hosts?size=1000").then().body("items.address", not(hasItem("127.0.0.65")));
    }

    @Test
    void aTokenValidForMoreThanADayIsRefused() {
        as(TestTokens.longLived()).get("/api/hosts").then().statusCode(401);
        as(TestTokens.operator()).get("/api/hosts").then().statusCode(200);
    }

    @Test
    void aTokenWithoutAKexwatchRoleIsForbidden() {
        as(TestTokens.noRole()).get("/api/hosts").then().statusCode(403);
        as(TestTokens.noRole()).post("/api/scans").then().statusCode(403);
    }

    /**
     * Every operation the API documents (openapi-operations.yaml, which OpenApiTest keeps complete): a stranger
     * gets 401 for each, a viewer 403 for every write, and a viewer's reads pass the door (whatever they answer).
     */
    @Test
    void everyDocumentedOperationIsGuarded() throws IOException {
        for (String operation : documentedOperations()) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "1");
            int stranger = given().contentType(ContentType.JSON).body("{}").request(method, path)
                    .then().extract().statusCode();
            assertThat(stranger).as(operation).isEqualTo(401);
            int viewer = as(TestTokens.viewer()).contentType(ContentType.JSON).body("{}").request(method, path)
                    .then().extract().statusCode();
            if (method.equals("GET")) {
                assertThat(viewer).as(operation).isNotIn(401, 403);
            } else {
                assertThat(viewer).as(operation).isEqualTo(403);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> documentedOperations() throws IOException {
        try (InputStream in = AccessControlTest.class.getResourceAsStream("/dev/kexwatch/web/openapi-operations.yaml")) {
            Map<String, Object> operations = new Yaml().load(in);
            assertThat(operations).hasSizeGreaterThan(20);
            return new TreeSet<>(operations.keySet().stream().filter(k -> k.contains(" /api/")).toList());
        }
    }

    @Test
    void healthAndMetricsStayOpen() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    static String host(String address) {
        return "{\"address\":\"" + address + "\",\"port\":2222}";
    }

    static RequestSpecification asOperator() {
        return as(TestTokens.operator());
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token);
    }
}
