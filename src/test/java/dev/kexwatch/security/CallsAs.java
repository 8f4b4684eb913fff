package dev.kexwatch.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who a {@code @QuarkusTest} class calls the API as: every request without an {@code Authorization} header of
 * its own carries a real token for this role ({@link TestTokens}). A class without it sends no token, so its
 * requests meet the 401/403 answers a stranger gets.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CallsAs {

    /** {@link Roles#OPERATOR} or {@link Roles#VIEWER}. */
    String value();
}
