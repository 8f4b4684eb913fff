package dev.kexwatch.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kexwatch.testsupport.PackagedApp;
import dev.kexwatch.testsupport.TestDatabase;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The import bomb of issue 13 (loopback blocks: nothing is ever dialled, the document is refused whole) against the packaged service with a small heap: 256 lines of /16 (7 KB, 16.7
 * million addresses) once ended in an OutOfMemoryError and a service that never answered again. Now the
 * document is refused in well under a second, and the service answers its liveness check right after.
 */
class ImportBombIT {

    @Test
    void anImportBombIsRefusedAndTheServiceLivesOn() {
        TestDatabase db = TestDatabase.freshSchema("it_bomb");
        try (PackagedApp app = PackagedApp.start("import-bomb-it", db.serviceSettings(),
                List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError"))) {
            StringBuilder csv = new StringBuilder("address,port,labels\n");
            for (int i = 0; i < 256; i++) {
                csv.append("127.").append(i).append(".0.0/16,22,env=bomb\n");
            }
            long start = System.nanoTime();
            Response answer = app.api().contentType("text/csv").body(csv.toString()).post("/api/hosts/import");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(422);
            assertThat(answer.asString()).contains("kexwatch.inventory.max-hosts");
            assertThat(took).isLessThan(Duration.ofSeconds(1));
            assertThat(RestAssured.given().baseUri("http://127.0.0.1").port(app.port()).get("/q/health/live")
                    .statusCode()).isEqualTo(200);
            assertThat(app.api().get("/api/hosts").jsonPath().getInt("total")).isZero();
        }
    }
}
