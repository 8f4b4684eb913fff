package dev.kexwatch.probe;

import java.time.Duration;

/** Ends a probe that ran out of time, naming the phase it was stuck in. */
final class Deadline {

    private Deadline() {
    }

    static void expire(ProbeAttempt attempt, Duration deadline) {
        String after = " after " + deadline.toMillis() + " ms";
        if (!attempt.isConnected()) {
            attempt.fail(ProbeOutcome.TIMEOUT_CONNECT, "no TCP connection" + after);
        } else if (!attempt.hasIdentification()) {
            attempt.fail(ProbeOutcome.TIMEOUT_IDENTIFICATION, "no identification line" + after
                    + ", " + attempt.bytesRead() + " bytes received");
        } else {
            attempt.fail(ProbeOutcome.TIMEOUT_KEXINIT, "no KEXINIT" + after + ", " + attempt.bytesRead()
                    + " bytes received");
        }
    }
}
