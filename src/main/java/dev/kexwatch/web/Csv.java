package dev.kexwatch.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of every export: RFC 4180 (Commons CSV), CRLF line ends, a header row. Cells are made
 * safe and re-usable: nothing (null, an empty Optional) is an empty cell, never {@code null}; labels come in the
 * inventory import format ({@code key=value;key=value}); lists are joined by spaces; times are ISO-8601 UTC.
 * Text that a spreadsheet would take for a formula is neutralised (see {@link #neutralised}); control characters
 * other than tab, CR and LF (a NUL from a hostile banner, say) become visible {@code \xNN} escapes. The CLI's
 * {@code --format csv} writes through this class too, so every CSV kexwatch writes is quoted the same way.
 */
public final class Csv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    /** The first characters OWASP's "CSV Injection" page lists as starting a formula. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private Csv() {
    }

    public static String of(List<String> header, List<List<?>> rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(Csv::cell).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: printing to a StringBuilder", e);
        }
        return out.toString();
    }

    /** Labels as the CSV inventory import reads them back. */
    public static String labels(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    private static String cell(Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString(); // ours, never a server's: a negative number stays a number
        }
        return neutralised(visible(text(value)));
    }

    /** Commons CSV quotes commas, quotes and line ends; a NUL or ESC it would write raw, so they are escaped. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n'
                ? String.format("\\x%02x", c) : String.valueOf((char) c)));
        return out.toString();
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Optional<?> optional) {
            return optional.map(Csv::text).orElse("");
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Csv::text).collect(Collectors.joining(" "));
        }
        if (value instanceof Map<?, ?> map) {
            return labels(map.entrySet().stream().collect(Collectors.toMap(e -> String.valueOf(e.getKey()),
                    e -> String.valueOf(e.getValue()), (a, b) -> a, java.util.LinkedHashMap::new)));
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        return value.toString();
    }

    /**
     * OWASP's advice against CSV (formula) injection: a cell that starts with {@code = + - @}, a tab or a carriage
     * return gets a leading single quote, so a spreadsheet shows it as text instead of running it. Names from
     * scanned servers and ids from users reach these cells.
     */
    static String neutralised(String text) {
        return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
