package org.vigil.console.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.console.ConsoleErrors;
import org.vigil.console.Pager;
import org.vigil.inventory.DeviceService;
import org.vigil.inventory.DeviceView;
import org.vigil.inventory.importing.ImportResource;
import org.vigil.inventory.importing.ImportResult;
import org.vigil.matching.explain.ExplainService;
import org.vigil.matching.explain.Explanation;
import org.vigil.matching.finding.FindingService;
import org.vigil.matching.finding.FindingView;
import org.vigil.tenancy.Caller;

/** The inventory: search and paging, one device with its findings, and the import form. */
@Path("/ui/devices")
@Produces(MediaType.TEXT_HTML)
public class DevicePages {

    @CheckedTemplate(basePath = "console", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance devices(Page<DeviceView> devices, Pager pager, String q, ImportResult result,
                String uploadError, String fileName);

        static native TemplateInstance device(DeviceView device, Page<FindingView> findings, Pager pager,
                String explainId, Explanation explanation, String explainError);
    }

    private final DeviceService devices;
    private final ExplainService explain;
    private final ImportResource imports;
    private final FindingService findings;
    private final Caller caller;

    public DevicePages(DeviceService devices, ImportResource imports, FindingService findings, ExplainService explain,
            Caller caller) {
        this.explain = explain;
        this.devices = devices;
        this.imports = imports;
        this.findings = findings;
        this.caller = caller;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String q, @QueryParam("page") @DefaultValue("0") int page) {
        return page(q, page, null, null, null);
    }

    private TemplateInstance page(String q, int page, ImportResult result, String uploadError, String fileName) {
        Page<DeviceView> list = devices.list(caller.hospitalId(), null, q,
                new PageRequest(Math.max(0, page), FindingPages.PAGE_SIZE).validated());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", q);
        return Templates.devices(list, Pager.of(list, "/ui/devices", params), q, result, uploadError, fileName);
    }

    @GET
    @Path("/{id}")
    public TemplateInstance detail(@PathParam("id") UUID id, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("explain") String explainId) {
        UUID hospital = caller.hospitalId();
        DeviceView device = devices.get(hospital, id);
        Page<FindingView> list = findings.forDevice(hospital, id, new PageRequest(Math.max(0, page), FindingPages.PAGE_SIZE));
        // "Why was I not alerted?": the same explanation as GET /api/v1/devices/{id}/explain.
        Explanation explanation = null;
        String explainError = null;
        String wanted = explainId == null ? null : explainId.strip().toUpperCase(java.util.Locale.ROOT);
        if (wanted != null && !wanted.isEmpty()) {
            try {
                explanation = explain.explain(hospital, id, wanted);
            } catch (ApiException e) {
                explainError = "No advisory " + wanted + " is known to Vigil.";
            }
        }
        return Templates.device(device, list, Pager.of(list, "/ui/devices/" + id, Map.of()), wanted, explanation,
                explainError);
    }

    /**
     * The upload form ({@code file}: CSV, TSV or JSON). It goes through the API's own multipart import entry, so
     * size limit, encoding and dialect detection, column names and row validation are the same; the answer lists
     * every rejected line with its number.
     */
    @POST
    @Path("/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Response.status(400).entity(page(null, 0, null, "Choose a CSV or JSON file to import.", null)).build();
        }
        String name = file.fileName() == null ? "upload" : file.fileName();
        try {
            ImportResult result = imports.form(List.of(file), null, null, false);
            return Response.ok(page(null, 0, result, null, name)).build();
        } catch (ApiException e) {
            if (e.status() >= 500) {
                throw e;
            }
            return Response.status(e.status()).entity(page(null, 0, null, e.getMessage(), name)).build();
        }
    }

    @ServerExceptionMapper
    Response error(Exception e) {
        return ConsoleErrors.page(e);
    }
}
