package dev.kexwatch.probe;

import java.time.Duration;
import java.util.Optional;

/** How long each phase took from the start of the probe; a phase not reached is empty. */
public record ProbeTimings(Optional<Duration> connect, Optional<Duration> identification, Optional<Duration> kexinit,
        Duration total) {

    public static ProbeTimings none(Duration total) {
        return new ProbeTimings(Optional.empty(), Optional.empty(), Optional.empty(), total);
    }
}
