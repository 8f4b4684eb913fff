package dev.kexwatch.fleet;

/** Fired when a round of the auth-methods probe stored its answers, so read-side views (metrics) can refresh. */
public record AuthMethodsProbed(int hosts) {
}
