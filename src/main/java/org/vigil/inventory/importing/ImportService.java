package org.vigil.inventory.importing;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.vigil.api.ApiException;
import org.vigil.api.ProblemDetail.FieldError;
import org.vigil.ingest.gudid.GudidConfig;

/**
 * Imports one uploaded file into a hospital's inventory: reader (by format, after {@link TextDecoder}) →
 * {@link ImportValidator} → {@link ImportWriter}. A file that cannot be read as a whole is a 400 naming the line and
 * writes nothing; rows that are wrong are rejected one by one and reported with their lines.
 */
@ApplicationScoped
public class ImportService {

    private final ImportWriter writer;
    private final ImportMappingService mappings;
    private final ObjectMapper mapper;
    private final GudidConfig gudid;

    public ImportService(ImportWriter writer, ImportMappingService mappings, ObjectMapper mapper, GudidConfig gudid) {
        this.writer = writer;
        this.mappings = mappings;
        this.mapper = mapper;
        this.gudid = gudid;
    }

    /** Reads, validates and (unless a dry run) writes the upload; the result says how the file was read. */
    public ImportResult importUpload(UUID hospitalId, Upload upload, ImportOptions options) {
        ImportFormat format = ImportFormat.of(upload);
        if (upload.bytes().length == 0) {
            throw ApiException.badRequest("The body is empty: send the file, e.g. curl --data-binary @devices.csv "
                    + "-H 'Content-Type: text/csv'", List.of());
        }
        ParsedImport parsed = read(hospitalId, upload, format, options);
        ImportValidator.Validated validated = ImportValidator.validate(parsed, gudid.enabled());
        ImportWriter.Counts counts = writer.write(hospitalId, validated.valid(), options.dryRun());
        List<String> notes = new ArrayList<>(parsed.notes());
        if (options.dryRun()) {
            notes.add("dry run: nothing was written");
        }
        return new ImportResult(counts.created(), counts.updated(), validated.errors().size(), validated.errors(),
                parsed.ignoredColumns(), parsed.read(), notes, options.dryRun());
    }

    private ParsedImport read(UUID hospitalId, Upload upload, ImportFormat format, ImportOptions options) {
        try {
            DecodedText text = TextDecoder.decode(upload.bytes(), upload.charset());
            boolean oneLine = text.text().indexOf('\n') < 0 && text.text().indexOf('\r') < 0;
            ParsedImport parsed = switch (format) {
                case CSV, TSV -> {
                    if (oneLine) {
                        throw new ImportFormatException(1, "the body is one line with no line breaks, so it has no "
                                + "data rows (a header row and one row per device are needed). curl -d/--data removes "
                                + "line breaks from a file: send it with --data-binary @devices.csv");
                    }
                    Character delimiter = options.delimiter() != null ? options.delimiter()
                            : format == ImportFormat.TSV ? Character.valueOf('\t') : null;
                    yield CsvDeviceReader.read(text, delimiter, options.mapping(), mappings.mapping(hospitalId),
                            gudid.enabled());
                }
                case JSON -> looksLikeFhir(text.text()) ? FhirDeviceReader.read(text.text(), text.encoding())
                        : JsonDeviceReader.read(mapper, text.text(), text.encoding(), options.mapping(),
                                mappings.mapping(hospitalId));
                case FHIR -> FhirDeviceReader.read(text.text(), text.encoding());
            };
            if (parsed.rows().isEmpty() && parsed.unreadable().isEmpty()) {
                throw new ImportFormatException(1, format == ImportFormat.CSV || format == ImportFormat.TSV
                        ? "the file has a header row but no data rows: nothing to import"
                        : "the JSON has no devices: nothing to import");
            }
            return parsed;
        } catch (ImportFormatException e) {
            throw ApiException.badRequest("line " + e.line() + ": " + e.getMessage(),
                    List.of(new FieldError(null, e.line(), e.getMessage())));
        }
    }

    /** A FHIR resource sent as plain application/json: an object naming its resourceType. */
    private static boolean looksLikeFhir(String text) {
        return text.stripLeading().startsWith("{") && text.contains("\"resourceType\"");
    }
}
