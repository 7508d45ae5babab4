package org.vigil.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * The API's conventions, applied to every operation of the OpenAPI document in one place instead of annotations on
 * each resource: a tag per area, an operationId and summary from the resource method, the problem responses
 * (application/problem+json, {@link ProblemDetail}) that {@link ProblemMapper} and the key filter answer, the
 * status codes of the contract (201 created, 202 accepted, 204 deleted), and the server this Vigil is reached at.
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class OpenApiConventions implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/ProblemDetail";

    /** Tag by the first path segment after /api/v1/, with the description shown in Swagger UI. */
    private static final Map<String, String[]> TAGS = new LinkedHashMap<>();

    static {
        TAGS.put("hospitals", new String[] {"Hospitals", "Tenants and their API keys (operator; a hospital sees itself)"});
        TAGS.put("devices", new String[] {"Devices", "A hospital's inventory: devices, import, per-device findings"});
        TAGS.put("import-mapping", new String[] {"Devices", null});
        TAGS.put("findings", new String[] {"Findings", "Devices matched to advisories, with evidence and triage"});
        TAGS.put("advisories", new String[] {"Advisories", "The advisory catalogue (any key)"});
        TAGS.put("subscriptions", new String[] {"Subscriptions", "Email and webhook channels"});
        TAGS.put("deliveries", new String[] {"Deliveries", "The delivery log and redelivery"});
        TAGS.put("sources", new String[] {"Sources", "Upstream sources, their status and runs"});
        TAGS.put("matching", new String[] {"Matching", "Full re-match runs (operator)"});
        TAGS.put("manufacturer-aliases", new String[] {"Manufacturer aliases", "Company name aliases used by matching"});
    }

    /** Success codes the contract fixes where the generated default (200) is wrong. */
    private static final Map<String, String> SUCCESS = Map.ofEntries(
            Map.entry("POST /api/v1/hospitals", "201"), Map.entry("POST /api/v1/hospitals/{id}/api-keys", "201"),
            Map.entry("POST /api/v1/devices", "201"), Map.entry("POST /api/v1/subscriptions", "201"),
            Map.entry("POST /api/v1/manufacturer-aliases", "201"), Map.entry("DELETE /api/v1/devices/{id}", "204"),
            Map.entry("DELETE /api/v1/hospitals/{id}/api-keys/{keyId}", "204"),
            Map.entry("DELETE /api/v1/subscriptions/{id}", "204"), Map.entry("DELETE /api/v1/import-mapping", "204"),
            Map.entry("POST /api/v1/sources/{name}/runs", "202"), Map.entry("POST /api/v1/deliveries/{id}/redeliver", "202"),
            Map.entry("POST /api/v1/matching/rematch", "202"));

    /** Operations that answer 409 (a duplicate, a disabled source or subscription, a run in progress). */
    private static final List<String> CONFLICTS = List.of("POST /api/v1/devices", "PUT /api/v1/devices/{id}",
            "POST /api/v1/manufacturer-aliases", "POST /api/v1/sources/{name}/runs", "POST /api/v1/deliveries/{id}/redeliver",
            "POST /api/v1/matching/rematch");

    /** Operations any key may call: no 403 for the wrong kind of key. */
    private static final List<String> ANY_KEY = List.of("GET /api/v1/advisories", "GET /api/v1/advisories/{id}",
            "GET /api/v1/advisories/{id}/document", "GET /api/v1/sources", "GET /api/v1/manufacturer-aliases");

    @Override
    public void filterOpenAPI(OpenAPI api) {
        api.servers(List.of(OASFactory.createServer().url(publicBaseUrl()).description("This Vigil")));
        TAGS.values().stream().filter(t -> t[1] != null).forEach(t -> api.addTag(OASFactory.createTag().name(t[0])
                .description(t[1])));
        if (api.getComponents() == null) {
            api.components(OASFactory.createComponents());
        }
        api.getComponents().addSchema("FieldError", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("One wrong field (a JSON property path) or input line (1-based)")
                .addProperty("field", string("JSON property path, e.g. emails[0]"))
                .addProperty("line", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).description("Input line"))
                .addProperty("message", string("What is wrong")));
        api.getComponents().addSchema("ProblemDetail", OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem details")
                .addProperty("type", string("A URI naming the problem type; about:blank for plain HTTP statuses"))
                .addProperty("title", string("The HTTP status phrase"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", string("What went wrong, for a person"))
                .addProperty("instance", string("The request path"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .required(List.of("title", "status")));
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) ->
                conventions(path, method, op)));
    }

    private void conventions(String path, PathItem.HttpMethod method, Operation op) {
        String key = method.name() + " " + path;
        String[] tag = TAGS.get(area(path));
        if (tag != null) {
            op.setTags(List.of(tag[0]));
        }
        String generated = op.getOperationId();
        if (generated != null && generated.contains("_")) {
            // CLASS_METHOD strategy: "FindingResource_triage" -> "Finding_triage"
            String resource = generated.substring(0, generated.indexOf('_')).replaceAll("Resource$", "");
            String name = generated.substring(generated.indexOf('_') + 1);
            if (resource.equals("Import")) {
                // One operation for the two resource methods (a file as the body, or as a multipart form).
                resource = "Device";
                name = "import";
            }
            op.setOperationId(resource + "_" + name);
            if (op.getSummary() == null || op.getSummary().equalsIgnoreCase(words(generated.substring(generated.indexOf('_') + 1)))) {
                op.setSummary(words(name) + " · " + (tag == null ? words(resource) : tag[0]));
            }
        }
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        String success = SUCCESS.get(key);
        if (success != null && responses.hasAPIResponse("200") && !responses.hasAPIResponse(success)) {
            APIResponse ok = responses.getAPIResponse("200");
            responses.removeAPIResponse("200");
            responses.addAPIResponse(success, success.equals("204") ? OASFactory.createAPIResponse()
                    .description("No content") : ok.description(success.equals("201") ? "Created" : "Accepted"));
        }
        boolean hasParameters = op.getParameters() != null && !op.getParameters().isEmpty();
        if (op.getRequestBody() != null || hasParameters) {
            problem(responses, "400", "The request is wrong; errors name the field or line");
        }
        problem(responses, "401", "Missing, unknown or revoked API key");
        if (!ANY_KEY.contains(key)) {
            problem(responses, "403", "This key may not do this (operator-only, or hospital-only)");
        }
        if (path.contains("{")) {
            problem(responses, "404", "Not found, or another hospital's");
        }
        if (CONFLICTS.contains(key)) {
            problem(responses, "409", "Conflicts with the current state");
        }
        if (path.equals("/api/v1/devices/import")) {
            problem(responses, "413", "The file is larger than vigil.inventory.max-import-size");
        }
        if (op.getRequestBody() != null) {
            problem(responses, "415", "Unsupported media type; the accepted types are listed in the detail");
        }
    }

    private static void problem(APIResponses responses, String status, String description) {
        APIResponse r = responses.getAPIResponse(status);
        if (r == null) {
            r = OASFactory.createAPIResponse().description(description);
            responses.addAPIResponse(status, r);
        }
        r.content(OASFactory.createContent().addMediaType(ProblemDetail.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    private static String area(String path) {
        String rest = path.startsWith("/api/v1/") ? path.substring(8) : path;
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** "issueKey" -> "Issue key". */
    private static String words(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }

    /** {@code vigil.public-base-url} when set; else "/", the host that serves this document. */
    private static String publicBaseUrl() {
        return ConfigProvider.getConfig().getOptionalValue("vigil.public-base-url", String.class)
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse("/");
    }
}
