package dev.kexwatch.fleet;

/** A host and the id of its current deep result. */
public record HostResult(long hostId, long resultId) {
}
