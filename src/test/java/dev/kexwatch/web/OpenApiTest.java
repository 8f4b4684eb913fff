package dev.kexwatch.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasKey;

import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API is described for users and auditors, truthfully, and the description is served. */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class OpenApiTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "delete");

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

    @Test
    void startingAScanIsDocumentedAsTheServiceAnswersIt() {
        JsonPath api = openApi();
        assertThat(api.getMap("paths.'/api/scans'.post.responses")).containsKeys("202", "400", "409")
                .doesNotContainKey("200");
        given().queryParam("label", "env=nosuch-openapi").post("/api/scans").then().statusCode(202);
        assertThat(api.getMap("paths.'/api/hosts'.post.responses")).containsKeys("201", "400", "409")
                .doesNotContainKey("200");
        assertThat(api.getMap("paths.'/api/hosts/{id}'.delete.responses")).containsKeys("204", "404");
    }

    @Test
    void everyOperationIsDescribedAndItsErrorsAreProblemDocuments() {
        JsonPath api = openApi();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        paths.forEach((path, item) -> METHODS.stream().filter(item::containsKey).forEach(method -> {
            Map<String, Object> operation = item.get(method);
            String where = method.toUpperCase() + " " + path;
            if (path.startsWith("/api/") && !path.startsWith("/api/test-only/")) { // test resources are not the API
                assertThat((String) operation.get("description")).as(where).isNotBlank();
            }
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            responses.entrySet().stream().filter(r -> r.getKey().startsWith("4") || r.getKey().startsWith("5"))
                    .forEach(r -> assertThat(r.getValue().toString()).as(where + " " + r.getKey())
                            .contains("application/problem+json", "#/components/schemas/Problem"));
        }));
        assertThat(api.getMap("components.schemas.Problem.properties")).containsKeys("type", "title", "status",
                "detail", "errors");
    }

    @Test
    void whatIfDocumentsItsPolicyField() {
        JsonPath api = openApi();
        String ref = api.getString("paths.'/api/compatibility/what-if'.post.requestBody.content.'application/json'"
                + ".schema.'$ref'");
        String schema = ref.substring(ref.lastIndexOf('/') + 1);
        assertThat(api.getMap("components.schemas." + schema + ".properties")).containsKeys("sshdConfig", "policy",
                "label");
    }

    @Test
    void everyListHasTheSamePagingContract() {
        JsonPath api = openApi();
        for (String path : List.of("/api/hosts", "/api/scans", "/api/reports/latest", "/api/reports/non-compliant",
                "/api/reports/changes", "/api/reports/algorithms/{name}", "/api/compatibility/matrix")) {
            assertThat(api.getList("paths.'" + path + "'.get.parameters.name", String.class)).as(path)
                    .contains("page", "size").doesNotContain("limit");
        }
        JsonPath scans = given().queryParam("size", 1).get("/api/scans").then().statusCode(200).extract().jsonPath();
        assertThat(scans.getInt("size")).isEqualTo(1);
        assertThat(scans.getList("items")).hasSizeLessThanOrEqualTo(1);
        assertThat(scans.getLong("total")).isGreaterThanOrEqualTo(scans.getList("items").size());
        given().queryParam("size", 501).get("/api/scans").then().statusCode(400);
        given().queryParam("size", 1001).get("/api/compatibility/matrix").then().statusCode(400);
        given().queryParam("size", 1).get("/api/compatibility/matrix").then().statusCode(200)
                .body("page", org.hamcrest.Matchers.equalTo(0)).body("size", org.hamcrest.Matchers.equalTo(1));
        given().queryParam("size", 1).get("/api/reports/changes").then().statusCode(200)
                .body("size", org.hamcrest.Matchers.equalTo(1));
    }

    private static JsonPath openApi() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }
}
