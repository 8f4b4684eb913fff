package dev.kexwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kexwatch.testsupport.FuzzSeeds;
import dev.kexwatch.testsupport.YamlMutator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import dev.kexwatch.security.AllowedScanTarget;
import java.util.function.Supplier;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Whatever an inventory file holds, the importer either returns valid hosts or returns a
 * list of errors that each name the document: never an exception. The validator is the
 * real Hibernate Validator with the real constraints, the scan allowlist included (at its default). Thousands
 * of mutated variants of the fuzz seeds on every run, since Jazzer's regression mode replays only the seeds.
 */
class InventoryFileMutationTest {

    private static final int VARIANTS = 3_000;
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final String NAME = "fuzz-inventory";
    private static final int MAX_RANGE = 256;

    @Test
    void mutatedInventoriesReadOrFailCleanly() {
        YamlMutator mutator = new YamlMutator(5, FuzzSeeds.of(InventoryFileFuzzTest.class, "read"));
        int refused = 0;
        for (int i = 0; i < VARIANTS; i++) {
            refused += readsOrFailsCleanly(mutator.next()) ? 0 : 1;
        }
        assertThat(refused).isGreaterThan(VARIANTS / 2);
    }

    @Test
    void onlyTheWellFormedSeedsRead() {
        assertThat(FuzzSeeds.of(InventoryFileFuzzTest.class, "read"))
                .filteredOn(InventoryFileMutationTest::readsOrFailsCleanly).hasSize(2);
    }

    /**
     * True for valid hosts, false for a clean refusal; fails the test on anything else. Reads the text as YAML
     * and as CSV, and checks each entry as {@code InventoryService} does: constraints, then CIDR expansion.
     */
    static boolean readsOrFailsCleanly(String text) {
        boolean yaml = importsOrFailsCleanly(text, () -> InventoryFile.parse(text, NAME));
        importsOrFailsCleanly(text, () -> InventoryCsv.parse(text, NAME));
        return yaml;
    }

    private static boolean importsOrFailsCleanly(String text, Supplier<InventoryFile.Parsed> parser) {
        try {
            InventoryFile.Parsed parsed = parser.get();
            assertThat(parsed.errors()).allSatisfy(error -> assertThat(error.toString()).startsWith(NAME));
            return parsed.errors().isEmpty()
                    && parsed.entries().stream().allMatch(InventoryFileMutationTest::acceptable);
        } catch (RuntimeException | StackOverflowError e) {
            return fail("inventory importer crashed with %s on input \"%s\"", e, FuzzSeeds.printable(text));
        }
    }

    private static boolean acceptable(InventoryEntry entry) {
        // The allowlist is left out: it reads global configuration, which earlier Quarkus tests in the same
        // JVM may have narrowed; what is checked here is that the importer never crashes.
        if (entry.spec() == null || VALIDATOR.validate(entry.spec()).stream()
                .anyMatch(v -> !(v.getConstraintDescriptor().getAnnotation() instanceof AllowedScanTarget))) {
            return false;
        }
        try {
            AddressBlock.expand(entry.spec().address(), MAX_RANGE);
            return true;
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
            return false;
        }
    }
}
