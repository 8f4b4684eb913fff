package dev.kexwatch.probe;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.util.Locale;
import java.util.Optional;

/** Maps what went wrong, and how far the probe had got, to a {@link ProbeOutcome} and a human detail. */
final class FailureClassifier {

    private FailureClassifier() {
    }

    /** The TCP connect failed. */
    static void connectFailed(ProbeAttempt attempt, Throwable t) {
        Throwable cause = root(t);
        String message = String.valueOf(cause.getMessage());
        if (cause instanceof ConnectException && message.toLowerCase(Locale.ROOT).contains("refused")) {
            attempt.fail(ProbeOutcome.REFUSED, "TCP reset in answer to the connection request");
        } else if (cause instanceof NoRouteToHostException || cause instanceof PortUnreachableException
                || message.toLowerCase(Locale.ROOT).contains("unreachable")) {
            attempt.fail(ProbeOutcome.UNREACHABLE, message);
        } else if (isReset(cause)) {
            attempt.fail(ProbeOutcome.RESET, "connection reset while connecting");
        } else {
            attempt.fail(ProbeOutcome.UNREACHABLE, cause.getClass().getSimpleName() + ": " + message);
        }
    }

    /**
     * MINA reported an error on an established connection. What the server sent is judged by the reader,
     * so this is the socket failing: a reset, or some other I/O error that ended the connection.
     */
    static void afterConnect(ProbeAttempt attempt, Throwable t) {
        Throwable cause = root(t);
        String message = Printable.of(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        if (isReset(cause)) {
            attempt.fail(ProbeOutcome.RESET, "connection reset " + phase(attempt));
        } else if (cause instanceof IOException) {
            attempt.fail(ProbeOutcome.CLOSED_EARLY, "the connection failed " + phase(attempt) + ": " + message);
        } else {
            attempt.fail(ProbeOutcome.PROTOCOL_ERROR, message);
        }
    }

    /** The connection closed (by either side) before the probe finished. */
    static void closed(ProbeAttempt attempt) {
        if (attempt.finished()) {
            return;
        }
        if (!attempt.hasIdentification() && attempt.firstLine().isPresent()) {
            notSsh(attempt, "the server closed the connection");
        } else {
            attempt.fail(ProbeOutcome.CLOSED_EARLY, "the server closed the connection " + phase(attempt));
        }
    }

    /** The server sent something other than an SSH identification line. */
    static void notSsh(ProbeAttempt attempt, String why) {
        Optional<String> first = attempt.firstLine();
        String detail = first.map(line -> "first line '" + Printable.of(line) + "'; " + why).orElse(why);
        attempt.fail(ProbeOutcome.NOT_SSH, detail);
    }

    static String phase(ProbeAttempt attempt) {
        return attempt.hasIdentification() ? "after the identification line, before KEXINIT"
                : "before the identification line";
    }

    static boolean isReset(Throwable cause) {
        String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
        return cause instanceof IOException && (message.contains("reset") || message.contains("broken pipe"));
    }

    private static Throwable root(Throwable t) {
        Throwable cause = t;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
