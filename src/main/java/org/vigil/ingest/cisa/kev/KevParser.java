package org.vigil.ingest.cisa.kev;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.vigil.advisory.AdvisoryDraft.KevEntry;

/** CISA's known_exploited_vulnerabilities.json → entries by CVE. Pure. */
final class KevParser {

    /** {@code version} is catalogVersion (e.g. 2025.08.25); {@code skipped} counts records without a usable cveID. */
    record Catalogue(String version, String released, Map<String, KevEntry> entries, Map<String, String> names, int skipped) {
    }

    private KevParser() {
    }

    static Catalogue parse(byte[] json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.path("vulnerabilities").isArray()) {
            throw new IOException("not a KEV catalogue: no \"vulnerabilities\" array");
        }
        Map<String, KevEntry> entries = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        int skipped = 0;
        for (JsonNode v : root.path("vulnerabilities")) {
            String cve = v.path("cveID").asText("").strip();
            if (!cve.matches("CVE-\\d{4}-\\d{4,19}")) {
                skipped++;
                continue;
            }
            entries.put(cve, new KevEntry(cve, date(v.path("dateAdded").asText(null)), date(v.path("dueDate").asText(null)),
                    text(v, "knownRansomwareCampaignUse"), text(v, "requiredAction"), text(v, "vendorProject"),
                    text(v, "product")));
            names.put(cve, text(v, "vulnerabilityName"));
        }
        return new Catalogue(text(root, "catalogVersion"), text(root, "dateReleased"), entries, names, skipped);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static LocalDate date(String s) {
        try {
            return s == null ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
