package dev.kexwatch.policy;

import java.time.LocalDate;
import java.util.Optional;

/** One line of a policy's history, so a report can say which version judged a host and what changed. */
public record ChangelogEntry(String version, Optional<LocalDate> date, String changes) {
}
