package org.vigil.ingest.cisa.csaf;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.UriSchemaLoader;
import java.util.List;
import java.util.Set;

/**
 * Validates documents against the CSAF 2.0 JSON schema (OASIS, with the FIRST CVSS v2.0/v3.0/v3.1 schemas it
 * refers to), with networknt's json-schema-validator. The schemas are bundled under {@code schema/} and their URLs
 * mapped there; the loader that would fetch a {@code $ref} over the network is removed, so validation works offline
 * and never reaches for the internet. Pure: no I/O besides the class path.
 */
final class CsafSchema {

    /** Violations kept per document: enough to see what is wrong, small enough for the provenance. */
    static final int MAX_VIOLATIONS = 5;
    private static final String CSAF_ID = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    private static final String HERE = "classpath:org/vigil/ingest/cisa/csaf/schema/";
    private static final JsonSchema SCHEMA = load();

    /** {@code violations}: the first few as {@code /json/pointer: message}; {@code total} counts them all. */
    record Result(boolean valid, List<String> violations, int total) {
    }

    private CsafSchema() {
    }

    static Result validate(JsonNode document) {
        Set<ValidationMessage> messages = SCHEMA.validate(document);
        // Messages start with the JSON pointer of the value at fault; a pattern they quote can be long.
        List<String> first = messages.stream().limit(MAX_VIOLATIONS).map(ValidationMessage::getMessage)
                .map(m -> m.length() <= 200 ? m : m.substring(0, 199) + "…").toList();
        return new Result(messages.isEmpty(), first, messages.size());
    }

    private static JsonSchema load() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .schemaMappers(m -> m.mapPrefix("https://docs.oasis-open.org/csaf/csaf/v2.0/", HERE)
                        .mapPrefix("https://www.first.org/cvss/", HERE))
                .schemaLoaders(l -> l.values(loaders -> loaders.removeIf(x -> x instanceof UriSchemaLoader))));
        // CSAF validators check formats (date-time, uri, email) too; the 2020-12 default treats them as annotations.
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return factory.getSchema(SchemaLocation.of(CSAF_ID), config);
    }
}
