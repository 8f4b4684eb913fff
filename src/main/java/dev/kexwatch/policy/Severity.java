package dev.kexwatch.policy;

import dev.kexwatch.algorithm.EnumIds;
import java.util.Optional;

/** How bad a finding is, lowest first, so that ordinal comparison means "worse than". */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    public String id() {
        return EnumIds.id(this);
    }

    public static Optional<Severity> fromId(String id) {
        return EnumIds.fromId(Severity.class, id);
    }
}
