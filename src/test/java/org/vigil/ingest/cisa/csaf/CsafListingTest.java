package org.vigil.ingest.cisa.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsafListingTest {

    @Test
    void oldUnquotedUnsortedChangesAreReadInFull() {
        String csv = "csaf_files/OT/white/2025/icsma-25-058-01.json,2025-02-27T07:00:00.000000Z\n"
                + "csaf_files/OT/white/2022/icsma-22-244-01.json,2025-01-30T07:00:00.000000Z\n"
                + "csaf_files/OT/white/2017/icsma-17-009-01a.json,2017-01-09T07:00:00.000000Z\n"
                + "csaf_files/OT/white/2016/icsa-16-231-01-0.json,2026-06-01T07:00:00.000000Z";
        Map<String, Instant> changes = CsafListing.changes(csv);
        assertEquals(4, changes.size(), "an old line after a newer one does not stop the read");
        assertEquals(Instant.parse("2026-06-01T07:00:00Z"), changes.get("2016/icsa-16-231-01-0.json"));
        assertEquals(Instant.parse("2025-01-30T07:00:00Z"), changes.get("2022/icsma-22-244-01.json"));
    }

    @Test
    void newQuotedFormWithCrlf() {
        String csv = "\"2026/icsma-26-041-01.json\",\"2026-02-10T07:00:00.000000Z\"\r\n"
                + "\"2025/icsma-25-100-01.json\",\"2025-05-06T12:00:00Z\"\r\n";
        assertEquals(Map.of("2026/icsma-26-041-01.json", Instant.parse("2026-02-10T07:00:00Z"),
                "2025/icsma-25-100-01.json", Instant.parse("2025-05-06T12:00:00Z")), CsafListing.changes(csv));
    }

    @Test
    void indexAcceptsBothPathForms() {
        assertEquals(List.of("2025/icsma-25-030-01.json", "2026/icsma-26-041-01.json"),
                CsafListing.index("csaf_files/OT/white/2025/icsma-25-030-01.json\n2026/icsma-26-041-01.json\n\n"
                        + "2025/icsma-25-030-01.json\nREADME.md\n../etc/passwd.json\n"));
    }

    @Test
    void prefixFilterOnFileNames() {
        assertTrue(CsafListing.hasPrefix("2025/icsma-25-030-01.json", List.of("ICSMA")));
        assertFalse(CsafListing.hasPrefix("2025/icsa-25-030-01.json", List.of("ICSMA")));
        assertTrue(CsafListing.hasPrefix("2025/icsa-25-030-01.json", List.of("ICSMA", " icsa")));
    }

    @Test
    void rolieEntries() throws Exception {
        String feed = "{\"feed\":{\"id\":\"x\",\"entry\":[{\"id\":\"ICSMA-25-030-01\",\"updated\":\"2025-02-25T07:00:00Z\","
                + "\"link\":[{\"rel\":\"self\",\"href\":\"https://example.org/csaf/2025/icsma-25-030-01.json\"},"
                + "{\"rel\":\"hash\",\"href\":\"https://example.org/csaf/2025/icsma-25-030-01.json.sha512\"}]}]}}";
        List<CsafListing.Entry> entries = CsafListing.rolie(feed).entries();
        assertEquals(List.of(new CsafListing.Entry("2025/icsma-25-030-01.json",
                "https://example.org/csaf/2025/icsma-25-030-01.json", Instant.parse("2025-02-25T07:00:00Z"))), entries);
    }

    @Test
    void aMalformedRolieLinkIsRejectedAloneWithItsReason() throws Exception {
        String feed = "{\"feed\":{\"id\":\"x\",\"entry\":["
                + "{\"id\":\"ICSMA-25-030-01\",\"updated\":\"2025-02-25T07:00:00Z\",\"link\":[{\"rel\":\"self\","
                + "\"href\":\"https://example.org/csaf/2025/icsma 25-030-01.json\"}]},"
                + "{\"id\":\"ICSMA-25-031-01\",\"updated\":\"2025-02-26T07:00:00Z\",\"link\":[{\"rel\":\"self\","
                + "\"href\":\"https://example.org/csaf/2025/icsma-25-031-01.json\"}]},"
                + "{\"id\":\"ICSMA-25-032-01\",\"updated\":\"2025-02-26T07:00:00Z\"}]}}";
        CsafListing.Rolie read = CsafListing.rolie(feed);
        assertEquals(List.of("2025/icsma-25-031-01.json"), read.entries().stream().map(CsafListing.Entry::key).toList());
        assertEquals(List.of(
                new CsafListing.Rejected("ICSMA-25-030-01", "ROLIE entry link "
                        + "'https://example.org/csaf/2025/icsma 25-030-01.json' is not a URL of a .json document"),
                new CsafListing.Rejected("ICSMA-25-032-01", "ROLIE entry has no self link")), read.rejected());
    }
}
