package dev.kexwatch.listen;

import dev.kexwatch.probe.ProbeOutcome;

/** How one client connection to the listener ended. Everything but {@link #CAPTURED} is a named failure. */
public enum ListenOutcome {
    CAPTURED("the client sent its identification and KEXINIT"),
    NOT_SSH("the client does not speak SSH"),
    SSH1_ONLY("the client speaks only SSH protocol 1"),
    PROTOCOL_ERROR("the client broke the SSH transport protocol (garbage, a malformed or oversized packet)"),
    TIMEOUT_IDENTIFICATION("timed out waiting for the client's identification line"),
    TIMEOUT_KEXINIT("timed out waiting for the client's KEXINIT"),
    CLOSED_EARLY("the client closed the connection before its KEXINIT"),
    RESET("the connection was reset"),
    OVER_CAP("refused: the listener already serves its maximum of connections");

    private final String message;

    ListenOutcome(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /** The probe reader's verdict on what the client sent, in the listener's words. */
    static ListenOutcome of(ProbeOutcome outcome) {
        return switch (outcome) {
            case OK -> CAPTURED;
            case NOT_SSH -> NOT_SSH;
            case SSH1_ONLY -> SSH1_ONLY;
            case TIMEOUT_IDENTIFICATION -> TIMEOUT_IDENTIFICATION;
            case TIMEOUT_KEXINIT -> TIMEOUT_KEXINIT;
            case RESET -> RESET;
            case CLOSED_EARLY -> CLOSED_EARLY;
            default -> PROTOCOL_ERROR;
        };
    }
}
