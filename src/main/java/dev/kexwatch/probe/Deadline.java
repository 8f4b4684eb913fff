package dev.kexwatch.probe;

import java.time.Duration;

/** Ends a probe that ran out of time, naming the step it was stuck in. */
final class Deadline {

    private Deadline() {
    }

    /** The whole probe's deadline: the outcome names the step it had reached. */
    static void expire(ProbeAttempt attempt, Duration deadline) {
        String after = " after " + deadline.toMillis() + " ms";
        if (!attempt.isConnected()) {
            attempt.fail(ProbeOutcome.TIMEOUT_CONNECT, "no TCP connection" + after);
        } else if (!attempt.hasIdentification()) {
            identificationMissing(attempt, after);
        } else {
            kexinitMissing(attempt, after);
        }
    }

    static void connect(ProbeAttempt attempt, Duration deadline) {
        if (!attempt.isConnected()) {
            attempt.fail(ProbeOutcome.TIMEOUT_CONNECT, "no TCP connection after " + deadline.toMillis()
                    + " ms (connect deadline)");
        }
    }

    static void identification(ProbeAttempt attempt, Duration deadline) {
        if (!attempt.hasIdentification()) {
            identificationMissing(attempt, " " + deadline.toMillis() + " ms after connecting (identification deadline)");
        }
    }

    static void kexinit(ProbeAttempt attempt, Duration deadline) {
        kexinitMissing(attempt, " " + deadline.toMillis() + " ms after the identification (KEXINIT deadline)");
    }

    private static void identificationMissing(ProbeAttempt attempt, String when) {
        attempt.fail(ProbeOutcome.TIMEOUT_IDENTIFICATION, "no identification line" + when + ", "
                + attempt.bytesRead() + " bytes received");
    }

    private static void kexinitMissing(ProbeAttempt attempt, String when) {
        attempt.fail(ProbeOutcome.TIMEOUT_KEXINIT, "no KEXINIT" + when + ", " + attempt.bytesRead()
                + " bytes received");
    }
}
