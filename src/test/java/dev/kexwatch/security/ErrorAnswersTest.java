package dev.kexwatch.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bad input that used to end in a 500 (or the wrong 4xx) gets a problem+json 4xx naming the field, and no
 * error body carries a Java class name or an absolute file path.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class ErrorAnswersTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void controlCharactersInLabelSelectorsAndGroupByNameTheParameter() {
        expectField(given().queryParam("label", "env=a\u0000b").get("/api/hosts"), 400, "label");
        expectField(given().queryParam("label", "env=a\u0000b").get("/api/reports/latest"), 400, "label");
        expectField(given().queryParam("label", "e\u0000nv=a").get("/api/reports/non-compliant"), 400, "label");
        expectField(given().queryParam("groupBy", "e\u0000nv").get("/api/reports/summary"), 400, "groupBy");
        expectField(given().queryParam("label", "env=\u0000").post("/api/scans"), 400, "label");
    }

    @Test
    void badNumbersInQueryParametersNameTheParameter() {
        expectField(given().queryParam("page", "abc").get("/api/hosts"), 400, "page");
        expectField(given().queryParam("size", "1e3").get("/api/reports/latest"), 400, "size");
        expectField(given().queryParam("page", "-1").get("/api/hosts"), 400, "page");
        expectField(given().queryParam("scan", "x").get("/api/reports/changes"), 400, "scan");
    }

    @Test
    void cancellingOrResumingAnUnknownScanIsNotFound() {
        clean(given().post("/api/scans/987654321/cancel").then().statusCode(404).contentType(PROBLEM).extract()
                .response());
        clean(given().post("/api/scans/987654321/resume").then().statusCode(404).contentType(PROBLEM).extract()
                .response());
    }

    @Test
    void aProfileDocumentPastTheYamlLimitsIsRefusedWithoutA500() {
        StringBuilder yaml = new StringBuilder("profiles:\n");
        String line = "  - id: p%d\n    name: n\n    version: \"1\"\n    source: s\n    kex: [curve25519-sha256]\n";
        for (int i = 0; yaml.length() < 3_400_000; i++) {
            yaml.append(line.formatted(i));
        }
        Response r = given().contentType("application/yaml").body(yaml.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/compatibility/profiles");
        assertThat(r.statusCode()).isBetween(400, 499);
        assertThat(r.contentType()).startsWith(PROBLEM);
        clean(r);
    }

    @Test
    void aPolicyIdOfThreeHundredCharactersNamesTheId() {
        String policy = """
                id: %s
                version: "1"
                title: Long id
                rules:
                  - id: forbid-ctr
                    category: cipher
                    forbid: ["*-ctr"]
                    severity: low
                    rationale: test policy
                    source: "opinion (kexwatch test)"
                """.formatted("p".repeat(300));
        for (String path : new String[] {"/api/policies/validate", "/api/policies"}) {
            var request = given().contentType("application/yaml").body(policy.getBytes(StandardCharsets.UTF_8));
            Response r = path.endsWith("validate") ? request.post(path) : request.put(path);
            assertThat(r.statusCode()).as(path).isEqualTo(422);
            assertThat(r.contentType()).startsWith(PROBLEM);
            assertThat(r.asString()).contains("id");
            clean(r);
        }
        given().get("/api/policies/" + "p".repeat(300)).then().statusCode(404);
    }

    @Test
    void aTextPlainClientGetsNoJavaToString() {
        Response r = given().accept("text/plain").get("/api/hosts");
        if (r.statusCode() == 200) {
            assertThat(r.contentType()).startsWith("application/json");
        } else {
            assertThat(r.statusCode()).isEqualTo(406);
        }
        clean(r);
    }

    private static void expectField(Response r, int status, String field) {
        r.then().statusCode(status).contentType(PROBLEM).body("errors[0].field", equalTo(field));
        clean(r);
    }

    /** No Java class names (dev.kexwatch.X, java.lang.X) and no absolute paths in an error body. */
    private static void clean(Response r) {
        String body = r.asString();
        assertThat(body).doesNotContainPattern("\\b[a-z]+\\.[a-z]+(\\.[a-z]+)*\\.[A-Z][A-Za-z]+")
                .doesNotContainPattern("(^|[\\s\"'(])/(work|tmp|home|etc|var|opt|usr|root)/")
                .doesNotContain("Exception");
    }

}
