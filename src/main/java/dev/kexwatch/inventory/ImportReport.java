package dev.kexwatch.inventory;

/** What an import did: hosts added, and known hosts whose labels or enabled flag it set. */
public record ImportReport(int added, int updated) {
}
