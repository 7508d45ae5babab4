package org.vigil.ingest.cisa.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryChanged.Change;
import org.vigil.advisory.AdvisoryDiff;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.ChangeType;

/** What a new tracking.version of a CSAF document records, through the converter and AdvisoryDiff. */
class CsafRevisionTest {

    private static AdvisoryDraft convert(String text) throws CsafFormatException {
        return CsafConverter.convert(text, null);
    }

    private static List<ChangeType> types(List<Change> changes) {
        return changes.stream().map(Change::type).toList();
    }

    @Test
    void updateAddingAProductAFixAndRaisingCvssIsMaterial() throws Exception {
        String v1 = CsafFixtures.pump("ICSMA-99-101-01", "1", "2099-04-11T06:00:00.000000Z");
        String v2 = v1.replace("\"name\": \"<=12.1.3\"", "\"name\": \"<=12.2.0\"")
                .replace("\"baseScore\": 6.8", "\"baseScore\": 7.2")
                .replace("Acme Medical recommends updating to version 12.1.4.", "Acme Medical recommends updating to version 12.2.1.")
                .replace("\"version\": \"1\"", "\"version\": \"2\"");
        List<Change> changes = AdvisoryDiff.between(convert(v1), convert(v2));
        List<ChangeType> types = types(changes);
        assertTrue(types.contains(ChangeType.AFFECTED_PRODUCT_ADDED), types.toString());
        assertTrue(types.contains(ChangeType.AFFECTED_PRODUCT_REMOVED), types.toString());
        assertTrue(types.contains(ChangeType.CVSS_CHANGED), types.toString());
        assertTrue(types.contains(ChangeType.FIXED_VERSION_ADDED), types.toString());
        assertTrue(changes.stream().anyMatch(c -> c.detail().equals("Acme Medical Alaris Pump Module <=12.2.0")), changes.toString());
        assertTrue(changes.stream().allMatch(c -> c.type().material()));
    }

    @Test
    void reformattedOrReSignedDocumentChangesNothing() throws Exception {
        String v1 = CsafFixtures.pump();
        String crlfReindented = v1.replace("\n", "\r\n").replace("  ", "   ");
        assertEquals(List.of(), AdvisoryDiff.between(convert(v1), convert(crlfReindented)));
    }

    @Test
    void editInPlaceOfAMitigationIsARemediationAdded() throws Exception {
        // icsma-25-072-01 was corrected this way upstream: new remediation text, same version and dates.
        String v1 = CsafFixtures.pump();
        String edited = v1.replace("Isolate pumps on a dedicated network segment.", "Isolate pumps and monitors on a dedicated VLAN.");
        assertEquals(List.of(ChangeType.REMEDIATION_ADDED), types(AdvisoryDiff.between(convert(v1), convert(edited))));
    }

    @Test
    void newCveIsRecordedWithItsScore() throws Exception {
        String v1 = CsafFixtures.pump();
        String v2 = v1.replace("CVE-2099-0002", "CVE-2099-0003");
        List<Change> changes = AdvisoryDiff.between(convert(v1), convert(v2));
        assertEquals(List.of(new Change(ChangeType.CVE_ADDED, "CVE-2099-0003 (CVSS 6.8)")), changes);
    }
}
