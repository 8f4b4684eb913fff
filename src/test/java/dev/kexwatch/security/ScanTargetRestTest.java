package dev.kexwatch.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.kexwatch.inventory.InventoryException;
import dev.kexwatch.inventory.InventoryService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hosts outside {@code kexwatch.scan.allow} (127.0.0.0/8, ::1, localhost in tests) never get in. */
@QuarkusTest
@CallsAs(Roles.OPERATOR)
class ScanTargetRestTest {

    @Inject
    InventoryService inventory;

    @Test
    void refusedAddressesGetAProblemNamingTheFieldAndAreNotStored() {
        for (String address : List.of("10.1.2.3", "192.0.2.7", "2001:db8::1", "2130706433", "127.1",
                "bastion.example.org")) {
            given().contentType(ContentType.JSON).body("{\"address\":\"" + address + "\"}").post("/api/hosts")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("address"))
                    .body("errors[0].message", containsString("not an allowed scan target"))
                    .body("errors[0].message", containsString("kexwatch.scan.allow"));
            given().get("/api/hosts?size=1000").then().body("items.address", not(hasItem(address)));
        }
    }

    @Test
    void allowedAddressesGetIn() {
        given().contentType(ContentType.JSON).body("{\"address\":\"127.0.0.71\"}").post("/api/hosts")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body("{\"address\":\"localhost\",\"port\":2271}").post("/api/hosts")
                .then().statusCode(201);
    }

    @Test
    void anImportWithOneRefusedHostImportsNothing() throws IOException {
        Path file = Files.createTempFile("inventory", ".yaml");
        Files.writeString(file, """
                hosts:
                  - address: 127.0.0.72
                  - address: 10.9.9.9
                """);
        assertThatThrownBy(() -> inventory.importFile(file)).isInstanceOf(InventoryException.class)
                .satisfies(e -> assertThat(((InventoryException) e).errors()).singleElement().asString()
                        .startsWith(file + ": hosts[1].address (line 3, column 14): not an allowed scan target: 10.9.9.9 is outside"));
        given().get("/api/hosts?size=1000").then().body("items.address", not(hasItem("127.0.0.72")));
        Files.delete(file);
    }
}
