package dev.kexwatch.cli;

import java.util.Locale;

/** {@code --format}: how results are written. Picocli completes and lists the lower-case names. */
enum OutputFormat {
    TABLE, SUMMARY, JSON, CSV, SARIF, JUNIT;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
