package dev.kexwatch.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad REST input gets a 4xx problem+json naming the field, and nothing is stored. Every body here would add
 * host {@value #ADDRESS} if it were read leniently; after each test it must not be in the inventory.
 */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class BadInputTest {

    private static final String ADDRESS = "127.0.0.80";
    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URL root;

    @AfterEach
    void nothingWasStored() {
        given().get("/api/hosts?size=1000").then().statusCode(200).body("items.address", not(hasItem(ADDRESS)));
    }

    @Test
    void malformedJsonNamesTheBody() {
        for (String body : new String[] {"{\"address\":", "{address: 1}", "{\"address\":\"" + ADDRESS + "\"} x", "nul"}) {
            post(body).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
        }
    }

    @Test
    void wrongTypesNameTheFieldAndTheExpectedShape() {
        expectField("{\"address\":\"" + ADDRESS + "\",\"port\":\"abc\"}", "port", "expected a whole number");
        expectField("{\"address\":\"" + ADDRESS + "\",\"port\":\"22\"}", "port", "expected a whole number");
        expectField("{\"address\":\"" + ADDRESS + "\",\"port\":22.5}", "port", "expected a whole number");
        expectField("{\"address\":\"" + ADDRESS + "\",\"enabled\":\"yes\"}", "enabled", "expected true or false");
        expectField("{\"address\":\"" + ADDRESS + "\",\"labels\":[1]}", "labels", "expected an object");
        expectField("{\"address\":[\"" + ADDRESS + "\"]}", "address", "expected a string");
        expectField("[{\"address\":\"" + ADDRESS + "\"}]", "body", "expected an object");
    }

    @Test
    void unknownAndDuplicateFieldsAreRefused() {
        expectField("{\"address\":\"" + ADDRESS + "\",\"lables\":{\"env\":\"x\"}}", "lables", "known fields are");
        post("{\"address\":\"127.0.0.1\",\"address\":\"" + ADDRESS + "\"}").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].message", containsString("Duplicate field 'address'"));
    }

    @Test
    void badPortsAreRefused() {
        for (String port : new String[] {"0", "-1", "65536", "99999999999"}) {
            post("{\"address\":\"" + ADDRESS + "\",\"port\":" + port + "}").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("port"));
        }
    }

    @Test
    void badLabelsNameTheKey() {
        expectField("{\"address\":\"" + ADDRESS + "\",\"labels\":{\"Env!\":\"x\"}}", "labels[Env!]", "label keys");
        expectField("{\"address\":\"" + ADDRESS + "\",\"labels\":{\"env\":\"" + "x".repeat(201) + "\"}}",
                "labels[env]", "size must be between");
    }

    @Test
    void badAddressesAndCidrsAreRefused() {
        for (String address : new String[] {"127.0.0.0/8", "127.0.0.1/33", "", "a b", "127.0.0.1;rm", "x".repeat(300)}) {
            post("{\"address\":\"" + address + "\"}").then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("address"));
        }
    }

    @Test
    void deepNestingIsABadRequestNotACrash() {
        String deep = "{\"a\":".repeat(5000) + "1" + "}".repeat(5000);
        post("{\"address\":\"" + ADDRESS + "\",\"labels\":" + deep + "}").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void unknownIdsGetAProblem() {
        given().get("/api/hosts/987654321").then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("not found: /api/hosts/987654321"));
        given().get("/api/policies/no-such-policy").then().statusCode(404).contentType(PROBLEM);
        given().delete("/api/hosts/987654321").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aBrokenPolicyIsRefusedWithItsLocationAndNotInstalled() {
        String escaping = "id: ../../escape\nversion: \"1\"\ntitle: t\nrules:\n  - {id: r, category: nope, forbid: [x]}\n";
        given().contentType("application/yaml").body(escaping.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put("/api/policies").then().statusCode(422)
                .contentType(PROBLEM).body("errors.field", hasItem(containsString("line ")));
        given().get("/api/policies").then().statusCode(200).body("id", not(hasItem("../../escape")));
    }

    @Test
    void anotherMediaTypeIsRefused() {
        given().contentType(ContentType.TEXT).body("address=" + ADDRESS).post("/api/hosts")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void aBodyAnnouncedTooLargeIsRefusedBeforeItIsRead() {
        String response = RawHttp.exchange(root.getPort(), "POST /api/hosts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + TestTokens.operator() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 9000000\r\n\r\n", new byte[0], 0);
        assertThat(response).startsWith("HTTP/1.1 413").contains("content-type: " + PROBLEM)
                .contains("\"status\":413").contains("quarkus.http.limits.max-body-size");
    }

    @Test
    void aStreamedBodyPastTheLimitIsCutOff() {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        String response = RawHttp.exchange(root.getPort(), "POST /api/hosts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + TestTokens.operator() + "\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", chunk, 160);
        assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: " + PROBLEM)
                .contains("\"status\":413").contains("quarkus.http.limits.max-body-size");
    }

    @Test
    void aStreamedBodyWithinTheLimitIsRead() {
        String response = RawHttp.exchange(root.getPort(), "POST /api/hosts HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Authorization: Bearer " + TestTokens.operator() + "\r\nContent-Type: application/json\r\n"
                + "Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n",
                "{\"address\":\"127.0.0.81\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1);
        assertThat(response).startsWith("HTTP/1.1 201");
        Object id = given().get("/api/hosts?size=1000").then().extract()
                .path("items.find { it.address == '127.0.0.81' }.id");
        given().delete("/api/hosts/" + id).then().statusCode(204);
    }

    @Test
    void aServerErrorSaysNothingAboutTheInside() {
        String body = given().get("/api/test-only/failure").then().statusCode(500).contentType(PROBLEM)
                .body("detail", containsString("the service log has the details")).extract().asString();
        assertThat(body).doesNotContain(FailingResource.SENTINEL, "password", "jdbc:", "Exception", "at dev.kexwatch",
                "FailingResource");
    }

    @Test
    void labelsAreCappedPerHostAndHoldNoControlCharacters() {
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i <= dev.kexwatch.fleet.Labels.MAX_PER_HOST; i++) {
            labels.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        expectField("{\"address\":\"" + ADDRESS + "\",\"labels\":{" + labels + "}}", "labels",
                "at most " + dev.kexwatch.fleet.Labels.MAX_PER_HOST + " labels per host");
        expectField("{\"address\":\"" + ADDRESS + "\",\"labels\":{\"env\":\"a\\u0000b\"}}", "labels[env]",
                "no control characters");
    }

    private static io.restassured.response.Response post(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/hosts");
    }

    private static void expectField(String body, String field, String message) {
        post(body).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(field)).body("errors[0].message", containsString(message));
    }
}
