package dev.kexwatch.auth;

import java.util.Optional;

/** One host's auth-methods probe: the answer, or why there was none (then {@code methods} is empty). */
public record AuthResult(Optional<AuthMethods> methods, Optional<String> error) {

    public static AuthResult of(AuthMethods methods) {
        return new AuthResult(Optional.of(methods), Optional.empty());
    }

    public static AuthResult failed(String why) {
        return new AuthResult(Optional.empty(), Optional.of(why));
    }
}
