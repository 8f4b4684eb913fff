package dev.kexwatch.algorithm;

/** Which way a cipher, MAC, compression or language list applies (RFC 4253 §7.1). */
public enum Direction {
    /** Client to server. */
    C2S("c2s"),
    /** Server to client. */
    S2C("s2c");

    private final String id;

    Direction(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
