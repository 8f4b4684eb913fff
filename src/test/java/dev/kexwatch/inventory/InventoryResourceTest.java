package dev.kexwatch.inventory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InventoryResourceTest {

    @Test
    void addsListsAndRemovesAHost() {
        int id = given().contentType(ContentType.JSON)
                .body("{\"address\":\"127.0.0.21\",\"port\":2201,\"labels\":{\"env\":\"prod\"}}")
                .post("/api/hosts")
                .then().statusCode(201).body("address", equalTo("127.0.0.21")).body("labels.env", equalTo("prod"))
                .extract().path("id");

        given().get("/api/hosts").then().statusCode(200).body("id", hasItem(id));
        given().get("/api/hosts/" + id).then().statusCode(200).body("port", equalTo(2201));

        given().delete("/api/hosts/" + id).then().statusCode(204);
        given().get("/api/hosts/" + id).then().statusCode(404);
        given().get("/api/hosts").then().body("id", not(hasItem(id)));
    }

    @Test
    void portDefaultsTo22() {
        given().contentType(ContentType.JSON).body("{\"address\":\"127.0.0.22\"}").post("/api/hosts")
                .then().statusCode(201).body("port", equalTo(22)).body("enabled", equalTo(true));
    }

    @Test
    void refusesADuplicateWithAProblem() {
        String body = "{\"address\":\"127.0.0.23\",\"port\":2203}";
        given().contentType(ContentType.JSON).body(body).post("/api/hosts").then().statusCode(201);
        given().contentType(ContentType.JSON).body(body).post("/api/hosts")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("host 127.0.0.23:2203 exists already"));
    }

    @Test
    void namesTheBadFieldAndStoresNothing() {
        given().contentType(ContentType.JSON).body("{\"address\":\"127.0.0.24\",\"port\":70000}").post("/api/hosts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("port"));
        given().contentType(ContentType.JSON).body("{\"address\":\"not an address!\"}").post("/api/hosts")
                .then().statusCode(400).body("errors[0].field", equalTo("address"));
        given().get("/api/hosts").then().body("address", not(hasItem("127.0.0.24")));
    }

    @Test
    void rejectsUnknownFieldsAndBrokenJson() {
        given().contentType(ContentType.JSON).body("{\"address\":\"127.0.0.25\",\"lables\":{}}").post("/api/hosts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("lables"));
        given().contentType(ContentType.JSON).body("{\"address\":").post("/api/hosts")
                .then().statusCode(400).contentType("application/problem+json");
        given().get("/api/hosts").then().body("address", not(hasItem("127.0.0.25")));
    }
}
