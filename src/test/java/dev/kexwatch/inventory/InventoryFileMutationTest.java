package dev.kexwatch.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kexwatch.testsupport.FuzzSeeds;
import dev.kexwatch.testsupport.YamlMutator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Whatever an inventory file holds, the importer either returns valid hosts or throws an
 * {@link InventoryException} whose every error names the file: never another exception. The validator is the
 * real Hibernate Validator with the real constraints, the scan allowlist included (at its default). Thousands
 * of mutated variants of the fuzz seeds on every run, since Jazzer's regression mode replays only the seeds.
 */
class InventoryFileMutationTest {

    private static final int VARIANTS = 3_000;
    private static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class).configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    private static final Path FILE = tempFile();

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

    /** True for valid hosts, false for a clean refusal; fails the test on anything else. */
    static boolean readsOrFailsCleanly(String yaml) {
        try {
            // getBytes, not writeString: a mutation may leave half a surrogate pair, which writeString refuses.
            Files.write(FILE, yaml.getBytes(StandardCharsets.UTF_8));
            assertThat(InventoryFile.read(FILE, VALIDATOR)).allSatisfy(h -> assertThat(VALIDATOR.validate(h)).isEmpty());
            return true;
        } catch (InventoryException e) {
            assertThat(e.errors()).isNotEmpty().allSatisfy(error -> assertThat(error).startsWith(FILE.toString()));
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException | StackOverflowError e) {
            return fail("inventory importer crashed with %s on input \"%s\"", e, FuzzSeeds.printable(yaml));
        }
    }

    private static Path tempFile() {
        try {
            Path file = Files.createTempFile("kexwatch-fuzz-inventory", ".yaml");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
