package org.vigil.inventory.importing;

import java.util.List;
import java.util.Locale;
import org.vigil.api.ApiException;

/** The formats an import reads, chosen from the media type the file was sent as (or, for a file part, its name). */
enum ImportFormat {
    CSV, TSV, JSON, FHIR;

    /** What the 415 answer lists. */
    static final List<String> ACCEPTED = List.of("text/csv", "text/tab-separated-values", "text/plain",
            "application/json", "application/fhir+json", "multipart/form-data (a file part)");

    static ImportFormat of(Upload upload) {
        String type = upload.mediaType() == null ? "" : upload.mediaType().toLowerCase(Locale.ROOT);
        switch (type) {
            case "text/csv", "application/csv", "text/comma-separated-values", "text/plain" -> {
                return CSV;
            }
            case "text/tab-separated-values" -> {
                return TSV;
            }
            case "application/json" -> {
                return JSON;
            }
            case "application/fhir+json" -> {
                return FHIR;
            }
            default -> {
                // A file part: browsers and curl label CSV files application/vnd.ms-excel or octet-stream.
                if (upload.fileName() != null && (type.isEmpty() || type.equals("application/octet-stream")
                        || type.equals("application/vnd.ms-excel"))) {
                    return byName(upload);
                }
                throw unsupported(upload);
            }
        }
    }

    private static ImportFormat byName(Upload upload) {
        String name = upload.fileName().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return TSV;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            throw unsupported(upload);
        }
        return CSV;
    }

    static ApiException unsupported(Upload upload) {
        String type = upload.mediaType() == null || upload.mediaType().isEmpty() ? "no Content-Type"
                : "Content-Type " + upload.mediaType();
        String hint = "";
        if ("application/x-www-form-urlencoded".equals(upload.mediaType())) {
            hint = ". curl sends this unless told otherwise: add -H 'Content-Type: text/csv'";
        } else if (upload.fileName() != null && upload.fileName().toLowerCase(Locale.ROOT).matches(".*\\.xlsx?")) {
            hint = ". Excel workbooks are not read: save the sheet as 'CSV UTF-8' and upload that";
        } else if (upload.mediaType() != null && upload.mediaType().contains("spreadsheetml")) {
            hint = ". Excel workbooks are not read: save the sheet as 'CSV UTF-8' and upload that";
        }
        return new ApiException(415, "Unsupported Media Type", "Device imports accept " + String.join(", ", ACCEPTED)
                + "; this request has " + type + (upload.fileName() == null ? "" : " (file " + upload.fileName() + ")")
                + hint);
    }
}
