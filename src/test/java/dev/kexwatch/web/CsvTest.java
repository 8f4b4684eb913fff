package dev.kexwatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Hostile server text in a CSV cell: read back by an RFC 4180 parser, every cell is one cell, and inert. */
class CsvTest {

    private static final List<String> HOSTILE = List.of("a,b", "say \"hi\"", "two\nlines", "cr\r\nlf", "nul\0byte",
            "=HYPERLINK(\"http://198.51.100.1\")", "+1", "-2+3", "@SUM(A1)", "\ttab", "ssh-rsa, \"x\"\n=1");

    @Test
    void everyHostileCellSurvivesAsOneInertCell() throws IOException {
        List<List<?>> rows = HOSTILE.stream().<List<?>>map(text -> List.of(text, 22, Optional.empty())).toList();
        String csv = Csv.of(List.of("name", "port", "none"), rows);

        List<CSVRecord> records = parse(csv);
        assertThat(records).hasSize(HOSTILE.size() + 1);
        for (int i = 0; i < HOSTILE.size(); i++) {
            CSVRecord record = records.get(i + 1);
            assertThat(record.size()).as(HOSTILE.get(i)).isEqualTo(3);
            String cell = record.get(0);
            assertThat(cell).as(HOSTILE.get(i)).doesNotContain("\0").doesNotStartWith("=").doesNotStartWith("+")
                    .doesNotStartWith("-").doesNotStartWith("@").doesNotStartWith("\t");
            assertThat(record.get(1)).isEqualTo("22");
            assertThat(record.get(2)).isEmpty();
        }
    }

    @Test
    void cellsKeepTheirTextApartFromTheNeutralisingQuoteAndVisibleEscapes() throws IOException {
        List<CSVRecord> records = parse(Csv.of(List.of("a", "b", "c", "d"),
                List.of(List.of("x,\"y\"\nz", "=1+1", "nul\0", -5))));
        assertThat(records.get(1).get(0)).isEqualTo("x,\"y\"\nz");
        assertThat(records.get(1).get(1)).isEqualTo("'=1+1");
        assertThat(records.get(1).get(2)).isEqualTo("nul\\x00");
        assertThat(records.get(1).get(3)).isEqualTo("-5"); // our own number, not a formula
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }
}
