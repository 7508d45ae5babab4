package org.vigil.matching.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.ProductStatus;
import org.vigil.matching.company.AliasRegistry;
import org.vigil.matching.evidence.ProductFacts;

/**
 * The generator's own rules on the example texts, without ../shared: a generated positive is only worth
 * something if the generator reads the leaf right, so its readings are tested like any code.
 */
class GeneratorRulesTest {

    @Test
    void versionsInsideAndAboveAreDerivedOnlyWhereCertain() {
        assertEquals("4.1", VersionText.read("<= 4.1").inRange());
        assertEquals("5.0", VersionText.read("<= 4.1").above());
        assertEquals("1.51", VersionText.read("< 1.52").inRange());
        assertEquals("2.43.01", VersionText.read("< 2.43.02").inRange());
        assertEquals("2.9", VersionText.read("< 3.x").inRange(), "a 3.2 is not inside '< 3.x'");
        assertEquals(VersionText.Kind.ANY, VersionText.read("vers:all/*").kind());
        assertEquals("1.1", VersionText.read("1.1 | 1.2 | 1.4 | 1.5").inRange());
        assertEquals("2.0", VersionText.read("1.1 | 1.2 | 1.4 | 1.5").above());
        assertEquals("1.1", VersionText.read(">= 1.1 | <= 1.3.2").inRange());
        assertNull(VersionText.read(">= 1.1 | <= 1.3.2").above(), "only plain upper bounds and exact lists");
        assertEquals("4.0", VersionText.read("4.X | 5.X").inRange());
        assertNull(VersionText.read("4.X | 5.X").above());
        assertEquals("K.01", VersionText.read("Rev J-M | (X3/MX100 for Rev M only)").inRange());
        assertEquals("M.01", VersionText.read("<=N").inRange());
        assertEquals("B.06.17", VersionText.read("< B.06.18").inRange());
        assertEquals("2.3.6", VersionText.read("2.3.6 and  below").inRange());
        for (String unreadable : List.of("< august 28", "620 | 650 | 650c", "<=5.17.1-754993421", "BT03 | BT04",
                "v6.x (with Wireless Battery Modules v9 | v11 | v13)", "A.01 <= C.0x | 4.0", "<= U61 |<= L81")) {
            assertEquals(VersionText.Kind.UNREADABLE, VersionText.read(unreadable).kind(), unreadable);
        }
    }

    @Test
    void modelListsAndRangesGiveTheirMembersAndANumberOutside() {
        NameReading tc = new NameReading("PageWriter TC10 TC20 TC30 TC50 TC70 Cardiographs");
        NameReading.Series s = tc.series.get(0);
        assertEquals(List.of("TC10", "TC20", "TC30", "TC50", "TC70"), s.members());
        assertEquals("TC80", s.outside().get(0));
        assertEquals("PageWriter TC30 Cardiographs", tc.withMember(s, "TC30"));

        NameReading mx = new NameReading("IntelliVue Patient Monitors MX (MX400-550)");
        assertEquals(List.of("MX400", "MX500", "MX550"), mx.series.get(0).members());
        assertEquals("IntelliVue Patient Monitors MX500", mx.withMember(mx.series.get(0), "MX500"));

        NameReading mp = new NameReading("IntelliVue Patient Monitors MP Series (includingMP2/X2/MP30/MX700/800)");
        assertEquals(List.of("MP2", "X2", "MP30", "MX700", "MX800"), mp.series.get(0).members());
        assertEquals("MX900", mp.series.get(0).outside().get(0));

        NameReading eli = new NameReading("Welch Allyn ELI 280/BUR280/MLBUR 280 Resting Electrocardiograph");
        assertEquals(List.of("ELI 280", "BUR280", "MLBUR 280"), eli.series.get(0).members());
        assertEquals("Welch Allyn BUR280 Resting Electrocardiograph", eli.withMember(eli.series.get(0), "BUR280"));

        assertEquals(List.of("M8001A", "M8002A", "M8010A"), NameReading.expand(List.of("M8001A", "2A", "10A")));
        assertTrue(new NameReading("Discovery NM/CT 670").series.isEmpty(), "NM/CT is a modality, not a list");
        assertTrue(new NameReading("Innova 2100-IQ").series.isEmpty(), "2100-IQ is one model");
    }

    @Test
    void abbreviationsDescriptiveWordsAndSpacing() {
        NameReading cvsm = new NameReading("Welch Allyn Connex Vital Signs Monitor (CVSM)");
        NameReading.Paren p = cvsm.abbreviation();
        assertEquals("Welch Allyn CVSM", cvsm.abbreviated(p));
        assertEquals("Welch Allyn Connex Vital Signs Monitor", cvsm.longForm(p));
        NameReading pcu = new NameReading("BD Alaris Point-of-Care Unit (PCU) Model 8015");
        assertEquals("BD Alaris PCU Model 8015", pcu.abbreviated(pcu.abbreviation()));
        assertEquals("Welch Allyn Connex CS", new NameReading("Welch Allyn Connex Central Station (CS)")
                .abbreviated(new NameReading("Welch Allyn Connex Central Station (CS)").abbreviation()));
        assertNull(new NameReading("EchoPAC (Turnkey)").abbreviation());
        assertNull(new NameReading("GEMNet License server (EchoServer)").abbreviation());

        assertEquals("Valleylab LS10", new NameReading("Valleylab LS10 Energy Platform (VLLS10GEN)")
                .withoutDescriptiveWords());
        assertEquals("Blood Glucose APG-01", new NameReading("Blood Glucose Monitoring System (Model No. APG-01 BT)")
                .withoutDescriptiveWords());
        assertNull(new NameReading("Windows XP").withoutDescriptiveWords(), "nothing to drop");

        NameReading.ModelToken cms = new NameReading("CMS8000 Patient Monitor").modelToken();
        assertEquals("CMS 8000", cms.spaced());
        assertEquals("CMS-8000", cms.hyphenated());
        assertEquals("MMT500", new NameReading("MMT-500 Remote Controller").modelToken().spaced());
        assertNull(new NameReading("Siemens SPECT Systems Windows 7-Based").modelToken(), "7-Based is no model");
    }

    @Test
    void legalFormsAreDroppedOrAdded() {
        assertEquals("R82", LegalForms.toggled("R82 A/S"));
        assertEquals("Becton Dickinson", LegalForms.toggled("Becton Dickinson & Co."));
        assertEquals("Becton, Dickinson", LegalForms.toggled("Becton, Dickinson and Company (BD)"));
        assertEquals("SOOIL Developments", LegalForms.toggled("SOOIL Developments Co, Ltd."));
        assertEquals("Boston Scientific, Inc.", LegalForms.toggled("Boston Scientific"));
        assertEquals("GRACE MEDICAL, INC.", LegalForms.recased("Grace Medical, Inc."));
    }

    @Test
    void recallNumbersAreReadFromTheRecordText() {
        assertEquals(List.of("880505-01", "880505-11"),
                RecallGenerator.catalogNumbers("Heron toilet and bath chair Model 880505-01 & 880505-11"));
        assertEquals(List.of("K6870", "K6870.20.US.L"), RecallGenerator.catalogNumbers(
                "P/N: K6870   Single Kit P/N: K6870.20.US.L   20 Plates UDI: (01) 04050598000582 PN K6870/Lot"));
        assertEquals("Heron toilet and bath chair",
                RecallGenerator.productName("Heron toilet and bath chair Model 880505-01 & 880505-11"));
        assertEquals("BD Nexiva Closed IV Catheter System",
                RecallGenerator.productName("BD Nexiva Closed IV Catheter System - Single Port REF 383516 20 GA"));
        assertEquals("Immundiagnostik IDK Lactoferrin ELISA",
                RecallGenerator.productName("Immundiagnostik IDK Lactoferrin ELISA- In vitro enzyme immunoassay"));
        String flagged = "+M572TPS21";
        String code = flagged + RecallGenerator.hibccCheck(flagged);
        assertEquals(List.of("00844505000772", "M572TPS21"), RecallGenerator.udiDis(
                "UDI code: (01)00844505000772(10)122927 Serial Number: 490002  UDI: " + code + " "));
        assertEquals(List.of("M572TPS3011113011"),
                RecallGenerator.udiDis("Serial Number: 0496242  UDI: M572TPS3011113011"));
        assertEquals("409-376", RecallGenerator.sibling("409-375", "Model/Catalog Number: 409-375"));
        assertEquals("880505-03", RecallGenerator.sibling("880505-01", "Model 880505-01 & 880505-02"));
    }

    @Test
    void negativesNeverNameAModelOfTheirAdvisory() {
        ProductFacts tc = leaf("ADV-1", "P1", "Philips", "PageWriter TC10 TC20 TC30 TC50 TC70 Cardiographs", "<= 3.1");
        ProductFacts other = leaf("ADV-1", "P2", "Philips", "PageWriter TC80 Cardiographs", "vers:all/*");
        ProductFacts elsewhere = leaf("ADV-2", "P1", "Philips", "IntelliSpace PACS", "vers:all/*");
        InventoryGenerator g = new InventoryGenerator(AliasRegistry.builtIn(), List.of(
                new InventoryGenerator.Advisory("ADV-1", List.of(tc, other), Set.of("P1", "P2")),
                new InventoryGenerator.Advisory("ADV-2", List.of(elsewhere), Set.of("P1")))).generate();
        List<String> outside = g.cases.stream().filter(c -> c.cls().equals("neg-outside-list"))
                .map(c -> c.device().model()).toList();
        assertEquals(List.of("PageWriter TC90 Cardiographs"), outside, "TC80 is named by another leaf");
        assertTrue(g.cases.stream().anyMatch(c -> c.cls().equals("neg-other-line") && c.advisoryId().equals("ADV-1")
                && c.device().model().equals("IntelliSpace PACS")));
        assertTrue(g.cases.stream().anyMatch(c -> c.cls().equals("list-member")
                && c.device().model().equals("PageWriter TC50 Cardiographs") && "3.1".equals(c.device().version())));
        assertFalse(g.cases.stream().anyMatch(c -> c.cls().equals("neg-version-above")),
                "the TC80 leaf covers every version of the same line");
    }

    private static ProductFacts leaf(String advisory, String id, String vendor, String product, String version) {
        return new ProductFacts(advisory, id, vendor, product, version, ProductStatus.AFFECTED, null, List.of(),
                List.of(), List.of());
    }
}
