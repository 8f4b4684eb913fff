package dev.kexwatch.security;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Optional;

/**
 * Checks {@link AllowedScanTarget}. Reads the allowlist from MicroProfile Config itself rather than by CDI
 * injection, so the same constraint works in plain tests and in importers that build their own validator.
 */
public class AllowedScanTargetValidator implements ConstraintValidator<AllowedScanTarget, String> {

    private ScanAllowlist allowlist;

    @Override
    public void initialize(AllowedScanTarget annotation) {
        allowlist = ScanTargetGuard.configured();
    }

    @Override
    public boolean isValid(String host, ConstraintValidatorContext context) {
        if (host == null || host.isBlank()) {
            return true;
        }
        Optional<String> refused = host.contains("/") ? whyRangeRefused(host) : allowlist.whyRefused(host);
        refused.ifPresent(why -> {
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(escape("not an allowed scan target: " + why
                    + " (" + ScanTargetGuard.KEY + ")")).addConstraintViolation();
        });
        return refused.isEmpty();
    }

    /** A CIDR block (inventory imports) must lie wholly inside an allowed network. */
    private Optional<String> whyRangeRefused(String range) {
        try {
            return allowlist.whyRefused(Cidr.parse(range));
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** The reason quotes user input; braces and dollars would be read as message template syntax. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
