package dev.kexwatch.inventory;

import java.util.List;
import java.util.stream.Collectors;

/** An inventory that cannot be imported; each error says where it is (file, row or entry, field) and what is wrong. */
public class InventoryException extends RuntimeException {

    /**
     * One bad entry.
     *
     * @param where the document and entry, e.g. {@code hosts.csv: row 3} or {@code inventory.yaml: hosts[2]}
     * @param field the field, e.g. {@code port}; empty when the whole entry or document is wrong
     * @param line the 1-based line of the bad field (or entry) in the document; 0 when not known
     * @param column the 1-based column there (for CSV: the field's number in its row); 0 when not known
     */
    public record RowError(String where, String field, String message, int line, int column) {

        public RowError(String where, String field, String message) {
            this(where, field, message, 0, 0);
        }

        /** E.g. {@code inventory.yaml: hosts[2].port (line 5, column 11): must be less than or equal to 65535}. */
        @Override
        public String toString() {
            return where + (field.isEmpty() ? "" : "." + field) + (line > 0 ? " (line " + line + ", column " + column
                    + ")" : "") + ": " + message;
        }
    }

    private final List<RowError> errors;

    public InventoryException(List<RowError> errors) {
        super(errors.stream().map(RowError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<RowError> rowErrors() {
        return errors;
    }

    /** The errors as sentences, e.g. {@code hosts.csv: row 3.port: must be less than or equal to 65535}. */
    public List<String> errors() {
        return errors.stream().map(RowError::toString).toList();
    }
}
