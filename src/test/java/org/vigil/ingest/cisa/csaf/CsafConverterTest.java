package org.vigil.ingest.cisa.csaf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.AdvisoryDraft;
import org.vigil.advisory.AdvisoryDraft.Cve;
import org.vigil.advisory.AdvisoryDraft.Product;
import org.vigil.advisory.AdvisoryDraft.Provenance;
import org.vigil.advisory.ProductStatus;
import org.vigil.advisory.Severity;
import org.vigil.advisory.Verification;

class CsafConverterTest {

    private static final Provenance PROVENANCE = new Provenance("sha512:ab", Verification.VERIFIED, "ok", "144A");

    private static AdvisoryDraft pump() throws CsafFormatException {
        return CsafConverter.convert(CsafFixtures.pump(), PROVENANCE);
    }

    @Test
    void readsTrackingAndText() throws Exception {
        AdvisoryDraft d = pump();
        assertEquals("ICSMA-99-101-01", d.id());
        assertEquals("cisa-csaf", d.source());
        assertEquals("Acme Medical Infusion Pump (Update A)", d.title());
        assertEquals("2", d.revision());
        assertEquals("final", d.status());
        assertEquals(Instant.parse("2099-04-11T06:00:00Z"), d.published());
        assertEquals(Instant.parse("2099-04-20T06:00:00Z"), d.updated());
        assertEquals("https://www.cisa.gov/news-events/ics-medical-advisories/icsma-99-101-01", d.url());
        assertTrue(d.summary().startsWith("Successful exploitation"));
        assertEquals("Healthcare and Public Health", d.details().get("Critical infrastructure sectors"));
        assertEquals(PROVENANCE.withDocumentChecks(true, null, true, List.of()), d.provenance(),
                "a strict, schema-valid document: provenance as verified, checks passed");
        assertEquals(CsafFixtures.pump(), d.rawDocument());
    }

    @Test
    void everyLeafIsAProductWithItsVersionTextVerbatim() throws Exception {
        List<Product> products = pump().products();
        assertEquals(6, products.size());
        assertEquals(List.of("SV20.1 | SV23.0", "<=12.1.3", "vers:all/>=V1.17.3<V1.18.0", "12.1.4", "vers:all/*",
                "* (end-of-life 2011)"), products.stream().map(Product::versionText).toList());
        assertEquals("Acme Medical", products.get(0).vendor(), "stray spaces around vendor names are dropped");
        assertEquals("Beta Health", products.get(4).vendor());
        assertEquals("Alaris Pump Module", products.get(0).product());
        assertEquals("Gateway", products.get(2).product(), "product_name under a product_family");
        assertEquals("CSAFPID-0003", products.get(2).productId());
    }

    @Test
    void statusComesFromTheVulnerabilities() throws Exception {
        List<Product> products = pump().products();
        assertEquals(ProductStatus.AFFECTED, products.get(0).status());
        assertEquals(ProductStatus.FIXED, products.get(3).status());
        assertEquals("Acme Medical  Alaris Pump Module: SV20.1 | SV23.0", products.get(0).fullName(),
                "the leaf's full product name survives the status (matching reads it as context)");
        assertEquals(ProductStatus.AFFECTED, products.get(5).status());
    }

    @Test
    void cvesCarryCvssV3OrV2AndSeverityIsTheHighest() throws Exception {
        AdvisoryDraft d = pump();
        Cve first = d.cves().get(0);
        assertEquals("CVE-2099-0001", first.cve());
        assertEquals("CWE-306", first.cweId());
        assertEquals(9.8, first.cvssScore());
        assertEquals("3.1", first.cvssVersion());
        assertEquals("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", first.cvssVector());
        assertEquals("CRITICAL", first.cvssSeverity());
        assertTrue(first.productIds().containsAll(List.of("CSAFPID-0001", "CSAFPID-0004")));
        Cve second = d.cves().get(1);
        assertEquals("2.0", second.cvssVersion());
        assertEquals(6.8, second.cvssScore());
        assertEquals("MEDIUM", second.cvssSeverity());
        assertEquals(Severity.CRITICAL, d.severity());
    }

    @Test
    void remediationsKeepProductIdsAndRepeatsMerge() throws Exception {
        var remediations = pump().remediations();
        assertEquals(2, remediations.size());
        assertEquals("vendor_fix", remediations.get(0).category());
        assertEquals(List.of("CSAFPID-0001", "CSAFPID-0002"), remediations.get(0).productIds());
        assertEquals("https://acme.example/security", remediations.get(0).url());
        assertEquals(List.of("CSAFPID-0001", "CSAFPID-0005"), remediations.get(1).productIds());
    }

    @Test
    void revisionHistoryIsKept() throws Exception {
        var history = pump().revisionHistory();
        assertEquals(2, history.size());
        assertEquals("Update A", history.get(1).legacyVersion());
        assertEquals("Update A - Added CVE-2099-0002", history.get(1).summary());
        assertEquals(Instant.parse("2099-04-20T06:00:00Z"), history.get(1).date());
    }

    @Test
    void crlfDocumentsParseTheSameAndKeepTheirBytes() throws Exception {
        String crlf = CsafFixtures.pump().replace("\n", "\r\n");
        AdvisoryDraft d = CsafConverter.convert(crlf, PROVENANCE);
        assertEquals(pump().products(), d.products());
        assertEquals(crlf, d.rawDocument());
    }

    @Test
    void aTrailingCommaIsReadLenientlyAndMarkedNotWellFormed() throws Exception {
        String withComma = CsafFixtures.pump().replace("\"Jane Researcher\"", "\"Jane Researcher\",");
        AdvisoryDraft d = CsafConverter.convert(withComma, PROVENANCE);
        assertEquals(pump().products(), d.products(), "everything else is read as from the strict document");
        assertEquals(pump().cves(), d.cves());
        assertEquals(false, d.provenance().wellFormed());
        assertEquals("not strict JSON: a trailing comma before line 7, column 9; read with trailing commas allowed, "
                + "nothing else repaired", d.provenance().wellFormedReason());
        assertEquals(withComma, d.rawDocument(), "the document is kept exactly as published");
    }

    @Test
    void jsonErrorsOtherThanATrailingCommaAreStillRefused() {
        String missingComma = CsafFixtures.pump().replace("\"category\": \"csaf_security_advisory\",",
                "\"category\": \"csaf_security_advisory\"");
        CsafFormatException e = assertThrows(CsafFormatException.class, () -> CsafConverter.convert(missingComma, PROVENANCE));
        assertTrue(e.getMessage().startsWith("invalid JSON at line 12, column 5: Unexpected character"), e.getMessage());
        assertThrows(CsafFormatException.class, () -> CsafConverter.convert(CsafFixtures.pump() + " {}", PROVENANCE),
                "content after the document");
        assertThrows(CsafFormatException.class, () -> CsafConverter.convert(
                CsafFixtures.pump().replace("\"lang\": \"en-US\"", "'lang': 'en-US'"), PROVENANCE), "single quotes");
    }

    @Test
    void schemaViolationsAreRecordedAndTheDocumentIsStillRead() throws Exception {
        AdvisoryDraft d = CsafConverter.convert(CsafFixtures.pump().replace("\"category\": \"coordinator\"",
                "\"category\": \"cert\""), PROVENANCE);
        assertEquals(6, d.products().size());
        assertEquals(false, d.provenance().schemaValid());
        assertEquals(List.of("/document/publisher/category: does not have a value in the enumeration [\"coordinator\", "
                + "\"discoverer\", \"other\", \"translator\", \"user\", \"vendor\"]"), d.provenance().schemaViolations());
    }

    @Test
    void redHatProductIdsOfAnyLengthAreKeptWhole() throws Exception {
        AdvisoryDraft d = CsafConverter.convert(CsafFixtures.redHat(), PROVENANCE);
        String component = "8Base-RHOSE-4.6:openshift4/ose-metering-ansible-operator-bundle:v4.6.0.202112161349.p0."
                + "gd74112d.assembly.stream-1";
        assertEquals("RHSA-2099:5186", d.id());
        assertTrue(d.products().stream().anyMatch(p -> p.productId().equals(component)
                && p.status() == ProductStatus.FIXED && "Red Hat".equals(p.vendor())), d.products().toString());
        assertEquals(List.of(component), d.cves().get(0).productIds());
        assertEquals(true, d.provenance().schemaValid(), d.provenance().schemaViolations().toString());
    }

    @Test
    void anIdLongerThanItsColumnKeepsItsStartAndADigest() throws Exception {
        String longId = "VENDOR-SA-" + "x".repeat(80);
        AdvisoryDraft d = CsafConverter.convert(CsafFixtures.pump().replace("ICSMA-99-101-01", longId), PROVENANCE);
        assertEquals(64, d.id().length());
        assertTrue(d.id().startsWith("VENDOR-SA-xxx") && d.id().charAt(55) == '~', d.id());
        assertEquals(longId, d.details().get("trackingId"));
        assertEquals(d.id(), CsafConverter.convert(CsafFixtures.pump().replace("ICSMA-99-101-01", longId), PROVENANCE).id());
    }

    @Test
    void documentWithoutTrackingIdIsRejected() {
        CsafFormatException e = assertThrows(CsafFormatException.class,
                () -> CsafConverter.convert("{\"document\":{}}", PROVENANCE));
        assertTrue(e.getMessage().contains("tracking.id"));
    }

    @Test
    void noScoresMeansUnknownSeverity() throws Exception {
        String json = "{\"document\":{\"title\":\"t\",\"tracking\":{\"id\":\"ICSMA-1\",\"version\":\"1\"}},"
                + "\"vulnerabilities\":[{\"cve\":\"CVE-2099-9\"}]}";
        AdvisoryDraft d = CsafConverter.convert(json, PROVENANCE);
        assertEquals(Severity.UNKNOWN, d.severity());
        assertNull(d.cves().get(0).cvssScore());
        assertTrue(d.products().isEmpty());
    }
}
