package dev.kexwatch.algorithm;

/** The algorithm families negotiated in SSH_MSG_KEXINIT (RFC 4253 §7.1). */
public enum Category {
    KEX("kex"),
    HOST_KEY("hostkey"),
    CIPHER("cipher"),
    MAC("mac"),
    COMPRESSION("compression"),
    LANGUAGE("language");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    /** The short lower-case name used in YAML, JSON and metrics. */
    public String id() {
        return id;
    }
}
