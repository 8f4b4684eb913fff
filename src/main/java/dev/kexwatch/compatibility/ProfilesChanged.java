package dev.kexwatch.compatibility;

/** Fired when client profiles were added or removed, so views that count per profile refresh. */
public record ProfilesChanged(int profiles) {
}
