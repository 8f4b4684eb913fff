package dev.kexwatch.inventory;

import dev.kexwatch.inventory.InventoryEntry.Position;
import dev.kexwatch.inventory.InventoryException.RowError;
import dev.kexwatch.inventory.InventoryFile.Parsed;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV inventory (RFC 4180, Commons CSV: quoted fields may hold commas). The header names the columns:
 * {@code address} (required), {@code port}, {@code labels} ({@code key=value;key=value}, as CSV exports write
 * them) and {@code enabled} ({@code true}/{@code false}); blank lines and lines starting with {@code #} are
 * skipped. Every problem of the document is collected, each at its line and column (the field's number).
 */
final class InventoryCsv {

    private static final List<String> COLUMNS = List.of("address", "port", "labels", "enabled");
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setCommentMarker('#')
            .setIgnoreEmptyLines(true).setTrim(true).get();

    private final String name;
    private final String text;
    /** Where each line starts in the text, to turn a record's character position into its line. */
    private final List<Integer> lineStarts = new ArrayList<>();
    private final List<RowError> errors = new ArrayList<>();
    private int headerSize;

    private InventoryCsv(String name, String text) {
        this.name = name;
        this.text = text;
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
    }

    static Parsed parse(String text, String name) {
        return new InventoryCsv(name, text).read();
    }

    private Parsed read() {
        List<InventoryEntry> entries = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return new Parsed(entries, errors);
            }
            Map<String, Integer> columns = header(records.next());
            while (records.hasNext()) {
                CSVRecord record = records.next();
                entries.add(entry(record, columns));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            errors.add(new RowError(name, "", "not valid CSV: " + e.getMessage()));
        }
        return new Parsed(entries, errors);
    }

    private Map<String, Integer> header(CSVRecord header) {
        int line = line(header);
        Map<String, Integer> columns = new HashMap<>();
        headerSize = header.size();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(column)) {
                errors.add(new RowError(where(line), "", "unknown column '" + column + "' (known: "
                        + String.join(", ", COLUMNS) + ")", line, i + 1));
            } else if (columns.putIfAbsent(column, i) != null) {
                errors.add(new RowError(where(line), "", "column '" + column + "' is given twice", line, i + 1));
            }
        }
        if (!columns.containsKey("address")) {
            errors.add(new RowError(where(line), "", "the header has no 'address' column", line, 1));
        }
        return columns;
    }

    private InventoryEntry entry(CSVRecord record, Map<String, Integer> columns) {
        int line = line(record);
        Map<String, Position> fields = new HashMap<>();
        fields.put("", new Position(line, 1));
        columns.forEach((column, index) -> fields.put(column, new Position(line, index + 1)));
        InventoryEntry located = new InventoryEntry(where(line), null, fields);
        if (record.size() != headerSize) {
            errors.add(located.error("", "has " + record.size() + " fields, the header " + headerSize));
        }
        String port = field(record, columns, "port");
        String enabled = field(record, columns, "enabled");
        HostSpec spec = new HostSpec(emptyToNull(field(record, columns, "address")),
                port.isEmpty() ? null : port(port, located), labels(field(record, columns, "labels"), located),
                enabled.isEmpty() ? null : bool(enabled, located));
        return new InventoryEntry(where(line), spec, fields);
    }

    private static String field(CSVRecord record, Map<String, Integer> columns, String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? "" : record.get(index);
    }

    private Integer port(String text, InventoryEntry at) {
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            errors.add(at.error("port", "'" + text + "' is not a number"));
            return null;
        }
    }

    private Boolean bool(String text, InventoryEntry at) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                errors.add(at.error("enabled", "'" + text + "' is not true or false"));
                yield null;
            }
        };
    }

    /** Label keys given twice are reported, not silently resolved to the last value. */
    private Map<String, String> labels(String text, InventoryEntry at) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return labels;
        }
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            String key = eq <= 0 ? "" : pair.substring(0, eq).strip();
            if (eq <= 0) {
                errors.add(at.error("labels", "'" + pair + "' is not key=value"));
            } else if (labels.putIfAbsent(key, pair.substring(eq + 1).strip()) != null) {
                errors.add(at.error("labels", "label '" + key + "' is given twice; remove one"));
            }
        }
        return labels;
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** The 1-based line a record starts on. */
    private int line(CSVRecord record) {
        // Binary search: a linear one per record made a 100,000-row import quadratic.
        int found = Collections.binarySearch(lineStarts, (int) record.getCharacterPosition());
        int line = found >= 0 ? found : -found - 2;
        // A record's position may be that of comment lines before it: step over them.
        while (line + 1 < lineStarts.size() && isSkipped(line)) {
            line++;
        }
        return line + 1;
    }

    private boolean isSkipped(int line) {
        int end = line + 1 < lineStarts.size() ? lineStarts.get(line + 1) : text.length();
        String content = text.substring(lineStarts.get(line), end).strip();
        return content.isEmpty() || content.startsWith("#");
    }

    private String where(int line) {
        return name + ": row " + line;
    }
}
