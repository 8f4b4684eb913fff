package dev.kexwatch.auth;

import java.util.List;

/**
 * What a server said to a {@code none} authentication request (RFC 4252 §5.2): the methods that "can continue"
 * from its SSH_MSG_USERAUTH_FAILURE, or, when it answered SSH_MSG_USERAUTH_SUCCESS, that {@code none} itself let the
 * probe user in (no methods listed then). JSON: {@code {"user", "methods", "noneAccepted"}}.
 */
public record AuthMethods(String user, List<String> methods, boolean noneAccepted) {

    /** Methods that let a client in with a reusable secret typed or stored by a person. */
    public static final List<String> PASSWORD_LIKE = List.of("password", "keyboard-interactive");

    /**
     * The method names metrics count by name ({@code none} standing for a user let in without one); others count as
     * {@code other}, so a hostile server cannot create series. RFC 4252 §7-9, RFC 4256, RFC 4462 §3 and §4.
     */
    public static final List<String> KNOWN = List.of("none", "publickey", "password", "keyboard-interactive",
            "hostbased", "gssapi-with-mic", "gssapi-keyex");

    public AuthMethods {
        methods = List.copyOf(methods);
    }
}
