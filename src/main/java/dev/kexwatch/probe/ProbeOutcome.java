package dev.kexwatch.probe;

/** How a probe ended. Everything but {@link #OK} is a named failure with a message a person can act on. */
public enum ProbeOutcome {
    OK("the server sent its identification and KEXINIT"),
    REFUSED("connection refused: nothing listens on that port"),
    UNREACHABLE("host or network unreachable"),
    DNS_FAILURE("the host name does not resolve"),
    TIMEOUT_CONNECT("timed out while connecting"),
    TIMEOUT_IDENTIFICATION("timed out waiting for the SSH identification line"),
    TIMEOUT_KEXINIT("timed out waiting for the server's KEXINIT"),
    NOT_SSH("the service does not speak SSH"),
    SSH1_ONLY("the server speaks only SSH protocol 1"),
    PROTOCOL_ERROR("the server broke the SSH transport protocol"),
    RESET("the connection was reset"),
    CLOSED_EARLY("the server closed the connection before its KEXINIT"),
    NOT_ALLOWED("not probed: outside the scan-target allowlist");

    private final String message;

    ProbeOutcome(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /** A connection error in the sense of ssh-audit's exit code 1: the server could not be judged. */
    public boolean failed() {
        return this != OK;
    }

    /** Outcomes worth one more try in a scan: they may pass by themselves. */
    public boolean retryable() {
        return switch (this) {
            case TIMEOUT_CONNECT, TIMEOUT_IDENTIFICATION, TIMEOUT_KEXINIT, RESET, CLOSED_EARLY, UNREACHABLE -> true;
            default -> false;
        };
    }
}
