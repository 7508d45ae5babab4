package org.vigil.inventory;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.api.ProblemDetail.FieldError;
import org.vigil.tenancy.Caller;

@Path("/api/v1/devices")
public class DeviceResource {

    private final DeviceService devices;
    private final Caller caller;
    private final InventoryConfig config;
    private final ObjectMapper mapper;

    public DeviceResource(DeviceService devices, Caller caller, InventoryConfig config, ObjectMapper mapper) {
        this.devices = devices;
        this.caller = caller;
        this.config = config;
        this.mapper = mapper;
    }

    @GET
    public Page<DeviceView> list(@QueryParam("manufacturer") String manufacturer, @QueryParam("q") String q,
            @BeanParam PageRequest page) {
        return devices.list(caller.hospitalId(), manufacturer, q, page.validated());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(DeviceInput input) {
        DeviceView created = devices.create(caller.hospitalId(), input);
        return Response.created(URI.create("/api/v1/devices/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    public DeviceView get(@PathParam("id") UUID id) {
        return devices.get(caller.hospitalId(), id);
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeviceView update(@PathParam("id") UUID id, DeviceInput input) {
        return devices.update(caller.hospitalId(), id, input);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        devices.delete(caller.hospitalId(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/import")
    @Consumes("text/csv")
    public ImportResult importCsv(InputStream body, @HeaderParam("Content-Length") Long length) {
        UUID hospitalId = caller.hospitalId();
        byte[] bytes = bounded(body, length);
        ParsedImport parsed = parse(() -> CsvDeviceReader.read(
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)));
        return devices.importRows(hospitalId, parsed);
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    public ImportResult importJson(InputStream body, @HeaderParam("Content-Length") Long length) {
        UUID hospitalId = caller.hospitalId();
        byte[] bytes = bounded(body, length);
        ParsedImport parsed = parse(() -> JsonDeviceReader.read(mapper, new ByteArrayInputStream(bytes)));
        return devices.importRows(hospitalId, parsed);
    }

    private static ParsedImport parse(java.util.function.Supplier<ParsedImport> reader) {
        try {
            return reader.get();
        } catch (ImportFormatException e) {
            throw ApiException.badRequest("line " + e.line() + ": " + e.getMessage(),
                    List.of(new FieldError(null, e.line(), e.getMessage())));
        }
    }

    private byte[] bounded(InputStream body, Long declared) {
        long limit = config.maxImportSize().asLongValue();
        if (declared != null && declared > limit) {
            throw tooLarge(limit);
        }
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw ApiException.badRequest("The upload could not be read", List.of());
        }
    }

    private static ApiException tooLarge(long limit) {
        return ApiException.tooLarge("Import files are limited to " + limit + " bytes; split the file");
    }
}
