package org.vigil.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document as client generators read it: every operation has a unique operationId, a declared tag,
 * a summary, and its problem responses as application/problem+json with the problem schema; lists have the paged
 * shape. The document is also written to target/openapi.json for Redocly (docs/api.md, OpenAPI).
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyOperationIsNamedTaggedAndDocumentsItsProblems() throws Exception {
        String json = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "openapi.json"), json);
        JsonNode doc = new ObjectMapper().readTree(json);

        assertTrue(doc.path("servers").size() > 0, "servers");
        assertFalse(doc.path("info").path("license").path("name").asText().isBlank(), "info.license");
        assertFalse(doc.path("info").path("contact").path("email").asText().isBlank(), "info.contact");
        assertTrue(doc.path("components").path("schemas").has("ProblemDetail"), "problem schema");
        Set<String> declaredTags = new HashSet<>();
        doc.path("tags").forEach(t -> declaredTags.add(t.path("name").asText()));

        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (var path = doc.path("paths").fields(); path.hasNext(); ) {
            var p = path.next();
            assertFalse(p.getKey().startsWith("/ui"), "the console is not part of the API: " + p.getKey());
            for (var op = p.getValue().fields(); op.hasNext(); ) {
                var o = op.next();
                if (!METHODS.contains(o.getKey())) {
                    continue;
                }
                operations++;
                String where = o.getKey().toUpperCase() + " " + p.getKey();
                JsonNode operation = o.getValue();
                String id = operation.path("operationId").asText();
                if (id.isBlank() || !ids.add(id)) {
                    problems.add(where + ": operationId missing or not unique (" + id + ")");
                }
                if (operation.path("summary").asText().isBlank()) {
                    problems.add(where + ": no summary");
                }
                if (operation.path("tags").size() != 1 || !declaredTags.contains(operation.path("tags").get(0).asText())) {
                    problems.add(where + ": not one declared tag");
                }
                JsonNode responses = operation.path("responses");
                List<String> expected = new ArrayList<>(List.of("401"));
                if (p.getKey().contains("{")) {
                    expected.add("404");
                }
                if (operation.has("requestBody")) {
                    expected.add("400");
                    expected.add("415");
                }
                for (String status : expected) {
                    JsonNode r = responses.path(status);
                    String ref = r.path("$ref").asText();
                    JsonNode content = ref.isEmpty() ? r.path("content")
                            : doc.path("components").path("responses").path(ref.substring(ref.lastIndexOf('/') + 1)).path("content");
                    if (!content.path("application/problem+json").path("schema").path("$ref").asText()
                            .endsWith("/ProblemDetail")) {
                        problems.add(where + ": no " + status + " problem response");
                    }
                }
            }
        }
        assertTrue(operations > 30, "operations found: " + operations);
        assertEquals(List.of(), problems);
    }

    @Test
    void listsArePagedEverywhere() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().get("/q/openapi?format=json").asString());
        List<String> plainArrays = new ArrayList<>();
        for (var path = doc.path("paths").fields(); path.hasNext(); ) {
            var p = path.next();
            JsonNode get = p.getValue().path("get");
            JsonNode schema = get.path("responses").path("200").path("content").path("application/json").path("schema");
            if ("array".equals(schema.path("type").asText()) && !p.getKey().equals("/api/v1/sources")) {
                plainArrays.add(p.getKey());
            }
        }
        assertEquals(List.of(), plainArrays, "list endpoints answering a plain array");
        assertNotNull(doc.path("components").path("schemas").path("PageAliasView").path("properties").get("total"));
    }
}
