package dev.kexwatch.cli;

import dev.kexwatch.policy.Severity;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --fail-on low|medium|high|critical}, in the policies' own lower-case words. */
final class SeverityConverter implements ITypeConverter<Severity> {

    @Override
    public Severity convert(String value) {
        return Severity.fromId(value).filter(s -> s != Severity.INFO).orElseThrow(() -> new TypeConversionException(
                "'" + value + "' is not one of low, medium, high, critical"));
    }

    /** What shell completion offers: the words above (picocli would offer the enum's upper-case names, INFO too). */
    static final class Words implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return List.of("low", "medium", "high", "critical").iterator();
        }
    }
}
