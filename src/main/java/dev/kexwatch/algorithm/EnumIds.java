package dev.kexwatch.algorithm;

import java.util.Locale;
import java.util.Optional;

/** Enum constants by their lower-case YAML/JSON id ({@code INSECURE} is {@code insecure}). */
public final class EnumIds {

    private EnumIds() {
    }

    public static String id(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    public static <E extends Enum<E>> Optional<E> fromId(Class<E> type, String id) {
        for (E constant : type.getEnumConstants()) {
            if (id(constant).equals(id)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
