package dev.kexwatch.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The API is described for users and auditors, and the description is served. */
@QuarkusTest
class OpenApiTest {

    @Test
    void documentsEveryResource() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/hosts"))
                .body("paths", hasKey("/api/hosts/import"))
                .body("paths", hasKey("/api/scans/{id}/cancel"))
                .body("paths", hasKey("/api/reports/summary"))
                .body("paths", hasKey("/api/reports/hosts/{id}/drift"))
                .body("paths", hasKey("/api/policies/validate"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
