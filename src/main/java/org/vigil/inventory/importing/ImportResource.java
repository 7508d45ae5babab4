package org.vigil.inventory.importing;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.vigil.api.ApiException;
import org.vigil.inventory.InventoryConfig;
import org.vigil.tenancy.Caller;

/**
 * {@code POST /api/v1/devices/import}: a CSV, TSV or JSON file as the body, or as the file part of a multipart form
 * (what browsers, Postman and {@code curl -F file=@devices.csv} send). Upserts by asset id.
 */
@Path("/api/v1/devices/import")
public class ImportResource {

    private final ImportService imports;
    private final Caller caller;
    private final InventoryConfig config;

    public ImportResource(ImportService imports, Caller caller, InventoryConfig config) {
        this.imports = imports;
        this.caller = caller;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public ImportResult form(@RestForm(FileUpload.ALL) List<FileUpload> files, @QueryParam("delimiter") String delimiter,
            @QueryParam("map") String map, @QueryParam("dryRun") boolean dryRun) {
        ImportOptions options = ImportOptions.of(delimiter, map, dryRun);
        if (files == null || files.isEmpty()) {
            throw ApiException.badRequest("The form has no file part: send the file as a file, e.g. curl -F "
                    + "file=@devices.csv", List.of());
        }
        if (files.size() > 1) {
            throw ApiException.badRequest("The form has " + files.size() + " files; send one file per import",
                    List.of());
        }
        FileUpload file = files.get(0);
        if (file.size() > limit()) {
            throw tooLarge();
        }
        try {
            byte[] bytes = Files.readAllBytes(file.uploadedFile());
            return imports.importUpload(caller.hospitalId(), new Upload(bytes, mediaType(file.contentType()),
                    file.charSet(), file.fileName()), options);
        } catch (IOException e) {
            throw ApiException.badRequest("The uploaded file could not be read", List.of());
        }
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public ImportResult body(InputStream body, @HeaderParam("Content-Type") String contentType,
            @HeaderParam("Content-Length") Long length, @QueryParam("delimiter") String delimiter,
            @QueryParam("map") String map, @QueryParam("dryRun") boolean dryRun) {
        ImportOptions options = ImportOptions.of(delimiter, map, dryRun);
        Upload probe = new Upload(new byte[0], mediaType(contentType), charset(contentType), null);
        ImportFormat.of(probe);
        byte[] bytes = bounded(body, length);
        return imports.importUpload(caller.hospitalId(), new Upload(bytes, probe.mediaType(), probe.charset(), null),
                options);
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (p.toLowerCase(java.util.Locale.ROOT).startsWith("charset=")) {
                return p.substring(8).strip();
            }
        }
        return null;
    }

    private long limit() {
        return config.maxImportSize().asLongValue();
    }

    private byte[] bounded(InputStream body, Long declared) {
        if (declared != null && declared > limit()) {
            throw tooLarge();
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit() + 1));
            if (bytes.length > limit()) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("The upload could not be read", List.of());
        }
    }

    private ApiException tooLarge() {
        return ApiException.tooLarge("Import files are limited to " + limit() + " bytes; split the file");
    }
}
