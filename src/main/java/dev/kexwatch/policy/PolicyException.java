package dev.kexwatch.policy;

/** A policy that cannot be used; the message names file, line and column and says what is wrong. */
public class PolicyException extends RuntimeException {

    public PolicyException(String message) {
        super(message);
    }

    public PolicyException(String message, Throwable cause) {
        super(message, cause);
    }
}
