package dev.kexwatch.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.kexwatch.policy.PolicyException;
import dev.kexwatch.policy.PolicyLoader;
import dev.kexwatch.testsupport.FuzzSeeds;
import dev.kexwatch.testsupport.YamlMutator;
import org.junit.jupiter.api.Test;

/**
 * Whatever text arrives as a policy, {@link PolicyLoader#parse} either returns a policy or throws a
 * {@link PolicyException} that says where the problem is: never another exception. Thousands of mutated
 * variants of the fuzz seeds on every run, since Jazzer's regression mode replays only the seeds.
 */
class PolicyLoaderMutationTest {

    private static final String SOURCE = "fuzz.yaml";
    private static final int VARIANTS = 3_000;
    private static final PolicyLoader LOADER = new PolicyLoader();

    @Test
    void mutatedPoliciesParseOrFailCleanly() {
        YamlMutator mutator = new YamlMutator(8, FuzzSeeds.of(PolicyLoaderFuzzTest.class, "parse"));
        int refused = 0;
        for (int i = 0; i < VARIANTS; i++) {
            refused += parsesOrFailsCleanly(mutator.next()) ? 0 : 1;
        }
        // The mutations must mostly break the policies, or this proves little.
        assertThat(refused).isGreaterThan(VARIANTS / 2);
    }

    @Test
    void onlyTheShippedPoliciesAmongTheSeedsParse() {
        assertThat(FuzzSeeds.of(PolicyLoaderFuzzTest.class, "parse"))
                .filteredOn(PolicyLoaderMutationTest::parsesOrFailsCleanly).hasSize(3);
    }

    /** True when the text is a policy, false for a clean refusal; fails the test on anything else. */
    static boolean parsesOrFailsCleanly(String yaml) {
        try {
            assertThat(LOADER.parse(yaml, SOURCE).id()).isNotBlank();
            return true;
        } catch (PolicyException e) {
            assertThat(e.getMessage()).isNotBlank();
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
                assertThat(p.file()).isEqualTo(SOURCE);
                assertThat(p.message()).isNotBlank();
            });
            return false;
        } catch (RuntimeException | StackOverflowError e) {
            return fail("policy loader crashed with %s on input \"%s\"", e, FuzzSeeds.printable(yaml));
        }
    }
}
