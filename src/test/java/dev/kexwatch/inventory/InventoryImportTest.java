package dev.kexwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertThat(inventory.importFile(file)).isEqualTo(2);
        Path again = write("""
                hosts:
                  - address: 127.0.0.31
                    port: 2231
                    labels: {env: staging}
                    enabled: false
                """);
        inventory.importFile(again);

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
                        file + ": hosts[1].port: must be greater than or equal to 1",
                        file + ": hosts[2].address: must not be blank"));
        assertThat(Host.findByAddress("127.0.0.33", 22)).isEmpty();
    }

    @Test
    void pointsAtBrokenYamlAndUnknownKeys() throws IOException {
        Path broken = write("hosts:\n  - address: 127.0.0.35\n    port: \"22\n");
        assertThatThrownBy(() -> inventory.importFile(broken)).isInstanceOf(InventoryException.class)
                .hasMessageStartingWith(broken + ":3:").hasMessageContaining("quoted scalar");
        Path unknown = write("hosts:\n  - address: 127.0.0.36\n    prot: 22\n");
        assertThatThrownBy(() -> inventory.importFile(unknown)).isInstanceOf(InventoryException.class)
                .hasMessageStartingWith(unknown + ":").hasMessageContaining("hosts[0].prot: unknown field 'prot'");
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "inventory", ".yaml");
        return Files.writeString(file, yaml);
    }
}
