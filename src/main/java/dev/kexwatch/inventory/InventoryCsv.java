package dev.kexwatch.inventory;

import dev.kexwatch.inventory.InventoryException.RowError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV inventory. The header names the columns: {@code address} (required), {@code port},
 * {@code labels} ({@code key=value;key=value}) and {@code enabled} ({@code true}/{@code false}); blank lines
 * and lines starting with {@code #} are skipped. Fields are not quoted: no column needs a comma.
 */
final class InventoryCsv {

    private static final List<String> COLUMNS = List.of("address", "port", "labels", "enabled");

    private InventoryCsv() {
    }

    static List<InventoryEntry> parse(String text, String name) {
        String[] lines = text.split("\r?\n", -1);
        int headerLine = firstContentLine(lines);
        if (headerLine < 0) {
            return List.of();
        }
        Map<String, Integer> columns = header(lines[headerLine], name + ": row " + (headerLine + 1));
        List<InventoryEntry> entries = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = name + ": row " + (i + 1);
            try {
                entries.add(new InventoryEntry(where, row(line.split(",", -1), columns)));
            } catch (FieldException e) {
                errors.add(new RowError(where, e.field, e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InventoryException(errors);
        }
        return entries;
    }

    private static int firstContentLine(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                return i;
            }
        }
        return -1;
    }

    private static Map<String, Integer> header(String line, String where) {
        Map<String, Integer> columns = new HashMap<>();
        String[] names = line.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            String column = names[i].strip().toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column)) {
                throw new InventoryException(List.of(new RowError(where, "",
                        "unknown column '" + column + "' (known: " + String.join(", ", COLUMNS) + ")")));
            }
            columns.put(column, i);
        }
        if (!columns.containsKey("address")) {
            throw new InventoryException(List.of(new RowError(where, "", "the header has no 'address' column")));
        }
        return columns;
    }

    private static HostSpec row(String[] fields, Map<String, Integer> columns) {
        if (fields.length != columns.size()) {
            throw new FieldException("", "has " + fields.length + " fields, the header " + columns.size());
        }
        String port = field(fields, columns, "port");
        String enabled = field(fields, columns, "enabled");
        return new HostSpec(field(fields, columns, "address"), port.isEmpty() ? null : port(port), labels(
                field(fields, columns, "labels")), enabled.isEmpty() ? null : bool(enabled));
    }

    private static String field(String[] fields, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null ? "" : fields[index].strip();
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new FieldException("port", "'" + text + "' is not a number");
        }
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new FieldException("enabled", "'" + text + "' is not true or false");
        };
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return labels;
        }
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new FieldException("labels", "'" + pair + "' is not key=value");
            }
            labels.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return labels;
    }

    /** A bad field of one row. */
    private static final class FieldException extends RuntimeException {
        private final String field;

        FieldException(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
