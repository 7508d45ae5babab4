package org.vigil.ingest.cisa.kev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryDraft.KevEntry;

class KevParserTest {

    static final String CATALOGUE = """
            {"title":"CISA Catalog of Known Exploited Vulnerabilities","catalogVersion":"2025.08.25",\
            "dateReleased":"2025-08-25T17:04:19.9796Z","count":3,"vulnerabilities":[\
            {"cveID":"CVE-2017-0144","vendorProject":"Microsoft","product":"Windows","vulnerabilityName":"Microsoft Windows SMB RCE",\
            "dateAdded":"2022-02-10","shortDescription":"x","requiredAction":"Apply updates per vendor instructions.",\
            "dueDate":"2022-08-10","knownRansomwareCampaignUse":"Known","notes":"https:\\/\\/nvd.nist.gov ; https:\\/\\/x","cwes":["CWE-20"]},\
            {"cveID":"CVE-2019-0708","vendorProject":"Microsoft","product":"Remote Desktop Services","vulnerabilityName":"BlueKeep",\
            "dateAdded":"2021-11-03","shortDescription":"x","requiredAction":"Apply updates.","dueDate":"2022-05-03",\
            "knownRansomwareCampaignUse":"Unknown","notes":"","cwes":[]},\
            {"cveID":"not-a-cve","vendorProject":"x","product":"y","vulnerabilityName":"z","dateAdded":"2021-11-03",\
            "shortDescription":"x","requiredAction":"x","dueDate":"2022-05-03"}]}
            """;

    @Test
    void readsEntriesAndSkipsRecordsWithoutAValidCve() throws IOException {
        KevParser.Catalogue c = KevParser.parse(CATALOGUE.getBytes(StandardCharsets.UTF_8));
        assertEquals("2025.08.25", c.version());
        assertEquals(2, c.entries().size());
        assertEquals(1, c.skipped());
        assertEquals(new KevEntry("CVE-2017-0144", LocalDate.of(2022, 2, 10), LocalDate.of(2022, 8, 10), "Known",
                "Apply updates per vendor instructions.", "Microsoft", "Windows"), c.entries().get("CVE-2017-0144"));
        assertEquals("BlueKeep", c.names().get("CVE-2019-0708"));
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IOException.class, () -> KevParser.parse("{\"feed\":[]}".getBytes(StandardCharsets.UTF_8)));
    }
}
