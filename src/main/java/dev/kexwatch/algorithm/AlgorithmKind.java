package dev.kexwatch.algorithm;

/** Whether a name is a negotiable algorithm or a signal that only rides in the kex list. */
public enum AlgorithmKind {
    ALGORITHM,
    /**
     * A pseudo-name that is never negotiated: {@code ext-info-c/s} (RFC 8308 §2.1), {@code kex-strict-c/s-v00@openssh.com}
     * (OpenSSH {@code PROTOCOL} §1.10), {@code kexguess2@matt.ucc.asn.au} (Dropbear). Never judged as an algorithm.
     */
    SIGNAL
}
