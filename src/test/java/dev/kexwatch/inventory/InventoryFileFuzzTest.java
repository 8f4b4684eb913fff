package dev.kexwatch.inventory;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer over the inventory importer: in a plain test run it replays the seed corpus
 * ({@code InventoryFileFuzzTestInputs/read}); with {@code JAZZER_FUZZ=1} it fuzzes, coverage-guided, for at
 * most 30 seconds. Runs in a JVM of its own (see the pom), since Jazzer instruments every class it loads.
 */
class InventoryFileFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void read(FuzzedDataProvider data) {
        InventoryFileMutationTest.readsOrFailsCleanly(data.consumeRemainingAsString());
    }
}
