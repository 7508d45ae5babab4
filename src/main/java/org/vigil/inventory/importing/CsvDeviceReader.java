package org.vigil.inventory.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.vigil.inventory.DeviceInput;

/**
 * Reads the inventory CSV: a header row naming the columns in any order ({@link ColumnMapping}), RFC 4180 quoting,
 * CRLF or LF, the delimiter given or sniffed from the header row ({@code ,} {@code ;} tab {@code |}).
 */
final class CsvDeviceReader {

    private static final List<Character> DELIMITERS = List.of(',', ';', '\t', '|');

    private CsvDeviceReader() {
    }

    /**
     * @param delimiter the client's choice, or null to sniff it
     * @param explicit column → field mapping sent with the request; {@code saved} the hospital's saved one
     */
    static ParsedImport read(DecodedText decoded, Character delimiter, Map<String, String> explicit,
            Map<String, String> saved) {
        return read(decoded, delimiter, explicit, saved, false);
    }

    /** {@code namesFromGudid}: a file with a UDI or UDI-DI column may lack manufacturer and model (GUDID fills them). */
    static ParsedImport read(DecodedText decoded, Character delimiter, Map<String, String> explicit,
            Map<String, String> saved, boolean namesFromGudid) {
        String text = decoded.text();
        char d = delimiter != null ? delimiter : sniff(text);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(d).setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new ImportFormatException(1, "the file is empty: it needs a header row and one row per device");
            }
            List<String> header = records.next().toList();
            ColumnMapping mapping = ColumnMapping.resolve(header, explicit, saved);
            boolean byDi = namesFromGudid && (mapping.columns().containsKey("udiDi")
                    || mapping.columns().containsKey("udi"));
            for (String required : List.of("manufacturer", "model")) {
                if (!byDi && !mapping.columns().containsKey(required)) {
                    throw new ImportFormatException(1, "the header row has no column for " + required + " (columns: "
                            + String.join(", ", header) + "); name one " + ColumnNames.EXAMPLES.get(required)
                            + ", or map one with ?map=<column>:" + required);
                }
            }
            List<ImportRow> rows = new ArrayList<>();
            List<ImportResult.RowError> unreadable = new ArrayList<>();
            while (true) {
                int line = (int) parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new ImportFormatException(line, "unreadable CSV from line " + line
                            + " (an unclosed quote?); nothing was imported");
                }
                List<String> values = record.toList();
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (values.size() > header.size()) {
                    unreadable.add(new ImportResult.RowError(line, values.size() + " values but the header row has "
                            + header.size() + " columns: a value with an unquoted '" + printable(d) + "'?"));
                    continue;
                }
                row(line, values, mapping, unreadable).ifPresent(rows::add);
            }
            List<String> notes = new ArrayList<>(mapping.notes());
            if (decoded.note() != null) {
                notes.add(0, decoded.note());
            }
            return new ParsedImport(rows, unreadable, mapping.ignored(),
                    new ImportResult.Read("csv", decoded.encoding(), String.valueOf(d), mapping.used()), notes);
        } catch (IOException e) {
            throw new ImportFormatException(1, "unreadable CSV: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ImportFormatException(1, "unreadable CSV header: " + e.getMessage());
        }
    }

    private static java.util.Optional<ImportRow> row(int line, List<String> values, ColumnMapping mapping,
            List<ImportResult.RowError> unreadable) {
        Integer quantity = null;
        String q = mapping.value(values, "quantity");
        if (q != null) {
            try {
                quantity = Integer.valueOf(q.replace(",", "").strip());
            } catch (NumberFormatException e) {
                unreadable.add(new ImportResult.RowError(line, mapping.used().get("quantity") + ": '" + q
                        + "' is not a whole number"));
                return java.util.Optional.empty();
            }
        }
        DeviceInput input = new DeviceInput(mapping.value(values, "assetId"), mapping.value(values, "manufacturer"),
                mapping.value(values, "model"), mapping.value(values, "version"), mapping.value(values, "udiDi"),
                mapping.value(values, "productCode"), mapping.value(values, "catalogNumber"), quantity,
                mapping.value(values, "location"), mapping.value(values, "department"), mapping.value(values, "udi"),
                mapping.value(values, "serialNumber"), mapping.value(values, "lotNumber"));
        return java.util.Optional.of(new ImportRow(line, null, input, mapping.fieldNames()));
    }

    /** The candidate that occurs most often outside quotes in the header row; ',' when none does. */
    static char sniff(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        int bestCount = 0;
        for (char c : DELIMITERS) {
            int count = 0;
            boolean quoted = false;
            for (int i = 0; i < header.length(); i++) {
                char ch = header.charAt(i);
                if (ch == '"') {
                    quoted = !quoted;
                } else if (ch == c && !quoted) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    static String printable(char delimiter) {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }
}
