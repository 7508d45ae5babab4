package org.vigil.matching.company;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Vendor strings as the corpus README lists them, and inventory spellings. */
class ManufacturerNamesTest {

    private final AliasRegistry registry = AliasRegistry.builtIn();

    @Test
    void legalFormsCaseSpacesAndPunctuationGo() {
        assertEquals("contec", ManufacturerNames.key("Contec Medical Systems Co., Ltd."));
        assertEquals("contec", ManufacturerNames.key("Contec Health"));
        assertEquals("medtronic", ManufacturerNames.key("Medtronic "));
        assertEquals("bbraun", ManufacturerNames.key("B. Braun Medical Inc."));
        assertEquals("bbraun melsungen", ManufacturerNames.key("B. Braun Melsungen AG"));
        assertEquals("johnson controls", ManufacturerNames.key("Johnson Controls, Inc."));
        assertEquals("enocean", ManufacturerNames.key("EnOcean GmbH-"));
        assertEquals("draegerwerk", ManufacturerNames.key("Drägerwerk AG & Co. KGaA"));
        assertEquals(List.of("smiths asd"), ManufacturerNames.keys("Smiths Medical ASD, Inc."));
    }

    @Test
    void mojibakeAndDiacriticsAreRepaired() {
        assertEquals("Innokas Yhtymä Oy", ManufacturerNames.repairMojibake("Innokas YhtymÃ¤ Oy"));
        assertEquals(ManufacturerNames.key("Innokas Yhtymä Oy"), ManufacturerNames.key("Innokas YhtymÃ¤ Oy"));
        assertEquals("draeger", ManufacturerNames.key("Dräger"));
        assertTrue(ManufacturerNames.key("PiiGAB, Processinformation i G\uFFFDteborg").matches("[a-z0-9 ]+"));
    }

    @Test
    void severalCompaniesInOneString() {
        assertEquals(List.of("hillrom", "eli", "baxter"),
                ManufacturerNames.keys("Hillrom and ELI, Baxter International Inc."));
        assertEquals(List.of("quanovate tech", "mira", "mira care"),
                ManufacturerNames.keys("Quanovate Tech Inc. (operating as Mira / Mira Care)"));
        assertEquals(List.of("general electric", "ge"), ManufacturerNames.keys("General Electric (GE)"));
    }

    @Test
    void aliasesJoinBrandsAcquisitionsAndSpellings() {
        assertNotNull(registry.sameCompany("Phillips", "Philips"));
        assertNotNull(registry.sameCompany("GE Healthcare", "General Electric (GE)"));
        assertNotNull(registry.sameCompany("Datex-Ohmeda", "GE Healthcare"));
        assertNotNull(registry.sameCompany("CareFusion", "BD"));
        assertNotNull(registry.sameCompany("Becton, Dickinson and Company", "BD"));
        assertNotNull(registry.sameCompany("Hill-Rom Holdings", "Baxter International Inc."));
        assertNotNull(registry.sameCompany("Welch Allyn", "Hillrom and ELI, Baxter International Inc."));
        assertNotNull(registry.sameCompany("St. Jude Medical", "Abbott"));
        assertNotNull(registry.sameCompany("Medfusion", "ICU Medical"));
        assertNotNull(registry.sameCompany("Draeger Medical GmbH", "Dräger"));
        assertNotNull(registry.sameCompany("Drägerwerk AG & Co. KGaA", "Dräger"));
        assertNotNull(registry.sameCompany("B. Braun Melsungen AG", "B. Braun Medical"));
        assertNotNull(registry.sameCompany("Innokas Medical", "Innokas YhtymÃ¤ Oy"));
        assertNotNull(registry.sameCompany("Smiths Medical ASD, Inc.", "Smiths Medical"));
        assertNotNull(registry.sameCompany("Santesoft LTD", "Sante Soft"));
        assertEquals("manufacturer 'Contec Medical Systems Co., Ltd.' = vendor 'Contec Health' (name variant)",
                registry.sameCompany("Contec Medical Systems Co., Ltd.", "Contec Health"));
        assertTrue(registry.sameCompany("Epsimed", "Contec Health").endsWith("(alias)"));
    }

    @Test
    void differentCompaniesStayApart() {
        assertNull(registry.sameCompany("Fresenius Medical Care", "Fresenius Kabi"));
        assertNull(registry.sameCompany("Santesoft", "MicroDicom"));
        assertNull(registry.sameCompany("Smith & Nephew", "Smiths Medical"));
        assertNull(registry.sameCompany("Fisher & Paykel Healthcare", "Fisher Scientific"));
    }

    @Test
    void aliasFilesAddCompaniesAndRelabelledModels() throws Exception {
        var parsed = AliasRegistry.read(new StringReader("""
                # local names
                Acme Biomed = Globex
                model: Acme Biomed | AX-1 = Globex | GX1000
                broken line
                """));
        assertEquals(List.of("line 4: expected 'name = canonical name'"), parsed.errors());
        AliasRegistry r = new AliasRegistry(parsed.aliases(), parsed.models());
        assertNotNull(r.sameCompany("ACME BioMed, Inc.", "Globex Corporation"));
        assertEquals(List.of("GX1000"), r.relabels("Acme Biomed", "AX 1 monitor"));
        assertEquals(List.of("CMS8000"), registry.relabels("Epsimed", "MN-120 patient monitor"));
    }
}
