package dev.kexwatch.security;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A host address that the scan allowlist ({@code kexwatch.scan.allow}) permits; null and blank pass. */
@Constraint(validatedBy = AllowedScanTargetValidator.class)
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
public @interface AllowedScanTarget {

    String message() default "is not an allowed scan target";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
