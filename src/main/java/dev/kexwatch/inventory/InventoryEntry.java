package dev.kexwatch.inventory;

import java.util.Map;

/**
 * A host as written in an inventory document, with where it stands (for error messages).
 *
 * @param where the entry, e.g. {@code inventory.yaml: hosts[2]}
 * @param spec what it says
 * @param fields where each field it has stands: line and column, so an error names the field's own place
 */
record InventoryEntry(String where, HostSpec spec, Map<String, Position> fields) {

    /** A place in a document: 1-based line and column (for CSV the column is the field's number in its row). */
    record Position(int line, int column) {
    }

    InventoryEntry(String where, HostSpec spec) {
        this(where, spec, Map.of());
    }

    InventoryEntry {
        fields = Map.copyOf(fields);
    }

    /** An error about one field of the entry (or the whole entry, {@code ""}), at that field's place. */
    InventoryException.RowError error(String field, String message) {
        String name = field.split("[.\\[<]", 2)[0];
        Position at = fields.getOrDefault(name, fields.get(""));
        return at == null ? new InventoryException.RowError(where, field, message)
                : new InventoryException.RowError(where, field, message, at.line(), at.column());
    }
}
