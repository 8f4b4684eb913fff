package dev.kexwatch.fleet;

/** Fired when hosts' stored status changed outside a scan (policies re-judged), so read-side views refresh. */
public record HostStatusChanged(int hosts) {
}
