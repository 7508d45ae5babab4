package org.vigil.ingest.cisa.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CsafSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCisaStyleFixtureIsValid() throws Exception {
        CsafSchema.Result r = CsafSchema.validate(JSON.readTree(CsafFixtures.pump()));
        assertTrue(r.valid(), r.violations().toString());
    }

    @Test
    void violationsNameTheirPlaceAlsoInsideTheReferencedCvssSchema() throws Exception {
        String doc = CsafFixtures.pump().replace("\"category\": \"coordinator\"", "\"category\": \"hacker\"")
                .replace("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:X");
        CsafSchema.Result r = CsafSchema.validate(JSON.readTree(doc));
        assertFalse(r.valid());
        assertEquals(5, r.total());
        assertTrue(r.violations().contains("/document/publisher/category: does not have a value in the enumeration "
                + "[\"coordinator\", \"discoverer\", \"other\", \"translator\", \"user\", \"vendor\"]"), r.toString());
        assertTrue(r.violations().stream().anyMatch(v -> v.startsWith("/vulnerabilities/0/scores/0/cvss_v3")), r.toString());
    }
}
