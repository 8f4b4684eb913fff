package dev.kexwatch.security;

/**
 * The two roles of kexwatch, read from the {@code groups} claim of a bearer JWT (MicroProfile JWT 2.1 §4.1).
 * An operator may change things (hosts, scans, policies, waivers); a viewer may only read. Operator implies
 * viewer.
 */
public final class Roles {

    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
