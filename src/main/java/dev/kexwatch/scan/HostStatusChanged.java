package dev.kexwatch.scan;

/** Fired when hosts' stored status changed outside a scan (policies re-judged), so read-side views refresh. */
public record HostStatusChanged(int hosts) {
}
