package dev.kexwatch.fleet;

/**
 * Fired in the transaction that changed a host's labels (the host already carries the new ones): policies select
 * hosts by label, so the host is judged again.
 */
public record HostRelabelled(long hostId) {
}
