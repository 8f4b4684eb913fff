package dev.kexwatch.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** REST calls that many service tests make: add a host, run a scan to its end, read a host's report. */
public final class Api {

    private Api() {
    }

    /**
     * Adds a host and returns its id. Tests share one service and database, and the kernel hands out an
     * ephemeral port again once an earlier test closed it: a host that an earlier test left on the same
     * address and port is removed first (409 is "exists already"), so a recycled port cannot fail a test.
     */
    public static long addHost(String address, int port, Map<String, String> labels) {
        var response = post(address, port, labels);
        if (response.statusCode() == 409) {
            removeLeftover(address, port);
            response = post(address, port, labels);
        }
        return response.then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static io.restassured.response.Response post(String address, int port, Map<String, String> labels) {
        return given().contentType(ContentType.JSON).body(Map.of("address", address, "port", port, "labels", labels))
                .post("/api/hosts");
    }

    private static void removeLeftover(String address, int port) {
        for (int page = 0;; page++) {
            JsonPath hosts = given().queryParam("size", 1000).queryParam("page", page).get("/api/hosts").then()
                    .statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = hosts.getList("items");
            if (items.isEmpty()) {
                return;
            }
            items.stream().filter(h -> address.equals(h.get("address")) && ((Number) h.get("port")).intValue() == port)
                    .forEach(h -> given().delete("/api/hosts/" + h.get("id")).then().statusCode(204));
        }
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
