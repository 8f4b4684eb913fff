package dev.kexwatch.hostkey;

import java.time.Instant;

/** Certificate validity times: unsigned 64-bit seconds, with 0 and 2^64-1 meaning "always" and "forever". */
final class CertTime {

    private CertTime() {
    }

    static Instant of(long seconds) {
        if (seconds < 0 || seconds > Instant.MAX.getEpochSecond()) {
            return Instant.MAX; // unsigned 2^64-1 (OpenSSH's "forever") and anything past Java's range
        }
        return Instant.ofEpochSecond(seconds);
    }
}
