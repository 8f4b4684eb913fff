package dev.kexwatch.probe;

import java.time.Duration;

/**
 * How long each step of a probe may take, on top of the whole probe's deadline. A host that never completes the TCP
 * handshake (filtered, powered off) is given up after {@code connect}; one that accepts and then says nothing (a hung
 * sshd, a tarpit) after {@code identification}; one that stops after its identification line after {@code kexinit}.
 * Each clock starts when the step before it ended, and the first deadline to pass ends the probe with the outcome
 * that names its step ({@link ProbeOutcome#TIMEOUT_CONNECT}, {@code TIMEOUT_IDENTIFICATION}, {@code TIMEOUT_KEXINIT}).
 *
 * @param connect from the start of the probe to an established connection
 * @param identification from the connection to the server's identification line (RFC 4253 §4.2)
 * @param kexinit from the identification line to the server's KEXINIT (RFC 4253 §7.1)
 */
public record PhaseDeadlines(Duration connect, Duration identification, Duration kexinit) {

    /**
     * A SYN lost once is sent again after 1 s, so 3 s covers one retransmission; OpenSSH, Dropbear and tinysshd send
     * their identification on accept and their KEXINIT right after it, so 5 s each leaves room for a loaded server.
     */
    public static final PhaseDeadlines DEFAULT = new PhaseDeadlines(Duration.ofSeconds(3), Duration.ofSeconds(5),
            Duration.ofSeconds(5));

    public PhaseDeadlines {
        for (Duration d : new Duration[] {connect, identification, kexinit}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("phase deadlines must be positive");
            }
        }
    }
}
