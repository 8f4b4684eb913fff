package dev.kexwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kexwatch.fleet.Host;
import dev.kexwatch.testsupport.PlannerStats;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
class InventoryImportTest {

    @Inject
    InventoryService inventory;

    @TempDir
    Path dir;

    @Test
    void importsNewHostsAndUpdatesKnownOnes() throws IOException {
        Path file = write("""
                hosts:
                  - address: 127.0.0.31
                    port: 2231
                    labels: {env: prod}
                  - address: 127.0.0.32
                """);
        assertThat(inventory.importFile(file)).isEqualTo(new ImportReport(2, 0));
        Path again = write("""
                hosts:
                  - address: 127.0.0.31
                    port: 2231
                    labels: {env: staging}
                    enabled: false
                """);
        assertThat(inventory.importFile(again)).isEqualTo(new ImportReport(0, 1));

        Host updated = Host.findByAddress("127.0.0.31", 2231).orElseThrow();
        assertThat(updated.labels).containsEntry("env", "staging");
        assertThat(updated.enabled).isFalse();
        assertThat(Host.findByAddress("127.0.0.32", 22)).isPresent();
    }

    @Test
    void reportsEveryBadEntryAndImportsNothing() throws IOException {
        Path file = write("""
                hosts:
                  - address: 127.0.0.33
                  - address: 127.0.0.34
                    port: 0
                  - port: 22
                """);
        assertThatThrownBy(() -> inventory.importFile(file))
                .isInstanceOfSatisfying(InventoryException.class, e -> assertThat(e.errors()).containsExactly(
                        file + ": hosts[1].port (line 4, column 11): must be greater than or equal to 1",
                        file + ": hosts[2].address (line 5, column 5): must not be blank"));
        assertThat(Host.findByAddress("127.0.0.33", 22)).isEmpty();
    }

    @Test
    void pointsAtBrokenYamlAndUnknownKeys() throws IOException {
        Path broken = write("hosts:\n  - address: 127.0.0.35\n    port: \"22\n");
        assertThatThrownBy(() -> inventory.importFile(broken)).isInstanceOf(InventoryException.class)
                .hasMessageStartingWith(broken + " (line ").hasMessageContaining("quoted scalar");
        Path unknown = write("hosts:\n  - address: 127.0.0.36\n    prot: 22\n");
        assertThatThrownBy(() -> inventory.importFile(unknown)).isInstanceOf(InventoryException.class)
                .hasMessage(unknown + ": hosts[0].prot (line 3, column 5): unknown field 'prot' (known: address, "
                        + "enabled, labels, port)");
    }

    @Test
    void importsCsvWithLabelsAndExpandsCidrBlocks() throws IOException {
        Path file = write("""
                # fleet export
                address,port,labels,enabled
                127.0.0.40/30,2240,env=prod;role=db,true
                db.localhost,22,,false
                """, ".csv");
        assertThat(inventory.importFile(file)).isEqualTo(new ImportReport(5, 0));
        for (String address : List.of("127.0.0.40", "127.0.0.41", "127.0.0.42", "127.0.0.43")) {
            Host host = Host.findByAddress(address, 2240).orElseThrow();
            assertThat(host.labels).containsEntry("env", "prod").containsEntry("role", "db");
        }
        assertThat(Host.findByAddress("db.localhost", 22).orElseThrow().enabled).isFalse();
    }

    @Test
    void csvRowErrorsNameRowAndFieldAndImportNothing() throws IOException {
        Path file = write("""
                address,port,labels
                127.0.0.50,22,env=prod
                127.0.0.51,twenty,env=prod
                127.0.0.52,22,env
                127.0.0.53,70000,
                """, ".csv");
        assertThatThrownBy(() -> inventory.importFile(file))
                .isInstanceOfSatisfying(InventoryException.class, e -> assertThat(e.errors()).containsExactly(
                        file + ": row 3.port (line 3, column 2): 'twenty' is not a number",
                        file + ": row 4.labels (line 4, column 3): 'env' is not key=value",
                        file + ": row 5.port (line 5, column 2): must be less than or equal to 65535"));
        assertThat(Host.findByAddress("127.0.0.50", 22)).isEmpty();
        Path range = write("address\n127.0.0.0/8\n", ".csv");
        assertThatThrownBy(() -> inventory.importFile(range)).isInstanceOf(InventoryException.class)
                .hasMessageContaining(range + ": row 2.address (line 2, column 1): 127.0.0.0/8 has 16777216 addresses, "
                        + "more than the cap");
    }

    @Test
    void everyProblemOfAYamlDocumentComesInOneAnswerEachOnItsOwnLine() throws IOException {
        Path file = write("""
                hosts:
                  - address: 127.0.0.60
                    prot: 22
                  - address: 127.0.0.61
                    port: twenty
                    labels: {env: prod, env: test}
                  - address: 127.0.0.60
                  - address: 127.0.0.62
                    port: 70000
                    address: 127.0.0.63
                """);
        assertThatThrownBy(() -> inventory.importFile(file))
                .isInstanceOfSatisfying(InventoryException.class, e -> assertThat(e.errors()).containsExactlyInAnyOrder(
                        file + ": hosts[0].prot (line 3, column 5): unknown field 'prot' (known: address, enabled, "
                                + "labels, port)",
                        file + ": hosts[1].port (line 5, column 11): 'twenty' is not a number",
                        file + ": hosts[1].labels[env] (line 6, column 25): label 'env' is given twice; remove one",
                        file + ": hosts[2].address (line 7, column 14): 127.0.0.60 port 22 already given at hosts[0]",
                        file + ": hosts[3].address (line 10, column 5): 'address' is given twice; remove one",
                        file + ": hosts[3].port (line 9, column 11): must be less than or equal to 65535"));
        assertThat(Host.findByAddress("127.0.0.60", 22)).isEmpty();
    }

    @Test
    void everyProblemOfACsvDocumentComesInOneAnswerWithDuplicatesReported() throws IOException {
        Path file = write("""
                # quoted fields hold commas
                address,port,labels
                127.0.0.64,22,"env=prod;team=a,b"
                127.0.0.65,22,env=prod;env=test
                127.0.0.64,22,

                127.0.0.66,x,
                """, ".csv");
        assertThatThrownBy(() -> inventory.importFile(file))
                .isInstanceOfSatisfying(InventoryException.class, e -> assertThat(e.errors()).containsExactly(
                        file + ": row 4.labels (line 4, column 3): label 'env' is given twice; remove one",
                        file + ": row 7.port (line 7, column 2): 'x' is not a number",
                        file + ": row 5.address (line 5, column 1): 127.0.0.64 port 22 already given at row 3"));
        assertThat(Host.findByAddress("127.0.0.64", 22)).isEmpty();
    }

    @Test
    void aLargeImportRefreshesPlannerStatistics() throws IOException {
        Instant before = PlannerStats.lastAnalyze("host");
        StringBuilder csv = new StringBuilder("address,port,labels,enabled\n");
        for (int port = 30001; port <= 31000; port++) {
            csv.append("127.0.0.60,").append(port).append(",suite=analyze,false\n");
        }
        try {
            assertThat(inventory.importFile(write(csv.toString(), ".csv"))).isEqualTo(new ImportReport(1000, 0));
            assertThat(PlannerStats.lastAnalyze("host")).isAfter(before);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> Host.delete("address", "127.0.0.60"));
        }
    }

    private Path write(String yaml) throws IOException {
        return write(yaml, ".yaml");
    }

    private Path write(String text, String suffix) throws IOException {
        Path file = Files.createTempFile(dir, "inventory", suffix);
        return Files.writeString(file, text);
    }
}
