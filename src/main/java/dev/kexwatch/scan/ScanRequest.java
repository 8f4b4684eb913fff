package dev.kexwatch.scan;

import jakarta.validation.constraints.Pattern;
import java.util.Map;

/** A request to scan: all enabled hosts, or those carrying every label of {@code selector}. */
public record ScanRequest(
        Map<@Pattern(regexp = "[a-z0-9][a-z0-9._/-]{0,62}", message = "label keys are lower-case letters, digits and ._/-") String, String> selector) {

    Map<String, String> selectorOrAll() {
        return selector == null ? Map.of() : selector;
    }
}
