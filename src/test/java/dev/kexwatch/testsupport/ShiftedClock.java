package dev.kexwatch.testsupport;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: the system's UTC clock, shifted by what a test asks for (nothing unless asked),
 * so a test can let a day pass without waiting for it. Tests that shift it must {@link #reset()} it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class ShiftedClock {

    private static volatile Duration shift = Duration.ZERO;

    /** From now on the service sees this much later than real time. */
    public static void shiftBy(Duration by) {
        shift = by;
    }

    public static void reset() {
        shift = Duration.ZERO;
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.system(zone);
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(shift);
            }
        };
    }
}
