package dev.kexwatch.cli;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.TypeConversionException;

/** Option values that are an enum's lower-case words ({@code toString}), as users type and completion offers them. */
final class Words {

    private Words() {
    }

    /** The constant whose word {@code value} is; else a message listing the words, once each. */
    static <E extends Enum<E>> E parse(E[] values, String value) {
        return Arrays.stream(values).filter(v -> v.toString().equals(value)).findFirst()
                .orElseThrow(() -> new TypeConversionException("'" + value + "' is not one of "
                        + Arrays.stream(values).map(E::toString).collect(Collectors.joining(", "))));
    }
}
