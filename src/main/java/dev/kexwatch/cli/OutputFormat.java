package dev.kexwatch.cli;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** {@code --format}: how results are written. Picocli completes and lists the lower-case names. */
enum OutputFormat {
    TABLE, SUMMARY, JSON, CSV, SARIF, JUNIT;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The lower-case words only, with a message that lists them (picocli's lists each word twice). */
    static final class Converter implements ITypeConverter<OutputFormat> {

        @Override
        public OutputFormat convert(String value) {
            return Words.parse(values(), value);
        }
    }
}
