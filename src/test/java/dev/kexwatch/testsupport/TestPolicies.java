package dev.kexwatch.testsupport;

/** Small policies as YAML text, for tests that need one rule that fires on a common offer. */
public final class TestPolicies {

    /** One low-severity rule forbidding every CTR cipher; its id is {@code no-ctr}, its rule {@code forbid-ctr}. */
    public static final String NO_CTR = """
            id: no-ctr
            version: "1"
            title: No CTR ciphers
            rules:
              - id: forbid-ctr
                category: cipher
                forbid: ["*-ctr"]
                severity: low
                rationale: test policy
                source: "opinion (kexwatch test)"
            """;

    private TestPolicies() {
    }
}
