package dev.kexwatch.metrics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.security.CallsAs;
import dev.kexwatch.security.Roles;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Requests to paths no route serves must not each add a {@code uri} tag to {@code http.server.requests}: past
 * Quarkus's URI tag limit (100) real endpoints would go unrecorded. Anonymous callers (401 before any route
 * runs) and authenticated ones (404) both try.
 */
@QuarkusTest
@CallsAs(Roles.VIEWER)
class UriTagCardinalityTest {

    private static final Pattern URI = Pattern.compile("^http_server_requests_seconds_count\\{[^}]*uri=\"([^\"]*)\"",
            Pattern.MULTILINE);

    @Test
    void randomUnmatchedPathsAddNoUriTagsAndRealEndpointsAreStillRecorded() {
        for (int i = 0; i < 100; i++) {
            given().get("/api/" + UUID.randomUUID()).then().statusCode(404);
            given().header("Authorization", "Bearer not-a-token").get("/api/x/" + UUID.randomUUID()).then()
                    .statusCode(401);
        }
        given().get("/api/hosts/" + UUID.randomUUID() + "/nothing/here").then().statusCode(404);
        given().get("/api/hosts").then().statusCode(200);

        Set<String> uris = uris();
        assertThat(uris).contains("/api/hosts").noneMatch(uri -> uri.matches(".*[0-9a-f]{8}-[0-9a-f]{4}.*"));
        assertThat(uris).hasSizeLessThan(20);
    }

    private static Set<String> uris() {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> uris = new TreeSet<>();
        Matcher m = URI.matcher(scrape);
        while (m.find()) {
            uris.add(m.group(1));
        }
        return uris;
    }
}
