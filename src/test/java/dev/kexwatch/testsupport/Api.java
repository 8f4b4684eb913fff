package dev.kexwatch.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;

/** REST calls that many service tests make: add a host, run a scan to its end, read a host's report. */
public final class Api {

    private Api() {
    }

    public static long addHost(String address, int port, Map<String, String> labels) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("address", address, "port", port, "labels", labels))
                .post("/api/hosts").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Scans the hosts carrying {@code label} ({@code key=value}) and waits until the scan has finished. */
    public static long scan(String label) {
        long id = given().queryParam("label", label).post("/api/scans").then().statusCode(202).extract().jsonPath()
                .getLong("id");
        awaitStatus(id, "finished");
        return id;
    }

    public static void awaitStatus(long scanId, String status) {
        await().atMost(Duration.ofSeconds(90)).until(
                () -> given().get("/api/scans/" + scanId).then().extract().path("status"), status::equals);
    }

    /** {@code GET /api/reports/hosts/{id}}: compliance, lists, history. */
    public static JsonPath host(long hostId) {
        return given().get("/api/reports/hosts/" + hostId).then().statusCode(200).extract().jsonPath();
    }
}
