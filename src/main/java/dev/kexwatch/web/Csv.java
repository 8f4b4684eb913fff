package dev.kexwatch.web;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled, CRLF line ends. */
public final class Csv {

    private Csv() {
    }

    public static String of(List<String> header, List<List<?>> rows) {
        StringBuilder out = new StringBuilder(line(header));
        rows.forEach(row -> out.append(line(row)));
        return out.toString();
    }

    private static String line(List<?> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(Object value) {
        String text = value == null ? "" : value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining(" ")) : value.toString();
        return text.matches("(?s).*[\",\r\n].*") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
