package dev.kexwatch.fleet;

/** Fired after hosts were added, changed or removed, so cached fleet aggregates are dropped. */
public record InventoryChanged() {
}
