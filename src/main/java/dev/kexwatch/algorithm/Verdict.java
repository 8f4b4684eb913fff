package dev.kexwatch.algorithm;

import java.util.Optional;

/** The catalog's judgement of one algorithm name; a name the catalog does not know is {@link #UNKNOWN}. */
public enum Verdict {
    OK, WEAK, INSECURE, UNKNOWN;

    public String id() {
        return EnumIds.id(this);
    }

    public static Optional<Verdict> fromId(String id) {
        return EnumIds.fromId(Verdict.class, id);
    }
}
