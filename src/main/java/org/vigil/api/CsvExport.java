package org.vigil.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A list as a spreadsheet, for {@code Accept: text/csv}: UTF-8 with a byte-order mark (without it Excel reads UTF-8
 * as the Windows code page and "Dräger" arrives as "DrÃ¤ger"), CRLF, RFC 4180 quoting, every matching row in
 * pages of {@link #PAGE} (streamed, never the whole list in memory). A cell that Excel would run as a formula
 * ({@code =}, {@code +}, {@code -}, {@code @} first) gets a leading apostrophe, which the import strips again.
 */
public final class CsvExport {

    public static final String MEDIA_TYPE = "text/csv";
    public static final int PAGE = 1000;

    private CsvExport() {
    }

    /** True when the client asked for CSV before JSON. */
    public static boolean wanted(HttpHeaders headers) {
        for (var type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                return true;
            }
            if ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json")) {
                return false;
            }
        }
        return false;
    }

    /**
     * @param page page number → that page's rows (each as many cells as {@code header}); an empty page ends it.
     *     Called while the response is written, so it must open its own transaction.
     */
    public static Response of(String fileName, List<String> header, IntFunction<List<List<Object>>> page) {
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
                csv.printRecord(header);
                for (int p = 0; ; p++) {
                    List<List<Object>> rows = page.apply(p);
                    for (List<Object> row : rows) {
                        csv.printRecord(row.stream().map(CsvExport::cell).toList());
                    }
                    if (rows.size() < PAGE) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return Response.ok(body, MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof List<?> l ? String.join(" | ", l.stream().map(String::valueOf).toList())
                : value.toString();
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !s.matches("[-+]?\\d[\\d.,]*") ? "'" + s : s;
    }
}
