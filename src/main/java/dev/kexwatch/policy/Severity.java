package dev.kexwatch.policy;

/** How bad a finding is, lowest first, so that ordinal comparison means "worse than". */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
