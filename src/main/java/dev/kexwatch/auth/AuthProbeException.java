package dev.kexwatch.auth;

/** The auth-methods probe got no answer to its {@code none} request: why, in words safe to print. */
public final class AuthProbeException extends Exception {

    public AuthProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
