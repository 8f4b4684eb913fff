package dev.kexwatch.security;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer over {@link dev.kexwatch.policy.PolicyLoader#parse}: in a plain test run it replays the seed corpus
 * ({@code PolicyLoaderFuzzTestInputs/parse}); with {@code JAZZER_FUZZ=1} it fuzzes, coverage-guided, for at
 * most 30 seconds. Runs in a JVM of its own (see the pom), since Jazzer instruments every class it loads.
 */
class PolicyLoaderFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(FuzzedDataProvider data) {
        PolicyLoaderMutationTest.parsesOrFailsCleanly(data.consumeRemainingAsString());
    }
}
