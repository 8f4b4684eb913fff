package dev.kexwatch.cli;

import dev.kexwatch.policy.Severity;
import java.util.Locale;

/** ANSI colour for severities and outcomes, or plain words when colour is off (not a terminal, NO_COLOR). */
record Colour(boolean on) {

    private static final String RESET = "\u001b[0m";

    /** The severity in upper case, coloured by how bad it is. */
    String severity(Severity severity) {
        String word = severity.id().toUpperCase(Locale.ROOT);
        return paint(word, switch (severity) {
            case CRITICAL -> "\u001b[1;31m";
            case HIGH -> "\u001b[31m";
            case MEDIUM -> "\u001b[33m";
            case LOW -> "\u001b[36m";
            case INFO -> "\u001b[2m";
        });
    }

    String good(String text) {
        return paint(text, "\u001b[32m");
    }

    String bad(String text) {
        return paint(text, "\u001b[31m");
    }

    private String paint(String text, String code) {
        return on ? code + text + RESET : text;
    }
}
