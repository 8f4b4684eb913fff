package dev.kexwatch.inventory;

/** A host as written in an inventory document, with where it stands (for error messages). */
record InventoryEntry(String where, HostSpec spec) {
}
