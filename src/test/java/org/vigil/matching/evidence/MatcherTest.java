package org.vigil.matching.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.ProductStatus;
import org.vigil.matching.company.AliasRegistry;

/** The matcher on the cases the corpus and devset READMEs describe, written as small fixtures. */
class MatcherTest {

    private final Matcher matcher = new Matcher(AliasRegistry.builtIn());

    private Optional<MatchResult> match(String maker, String model, String version, ProductFacts... products) {
        return match(new DeviceFacts(UUID.randomUUID(), UUID.randomUUID(), maker, model, version, null, null, null),
                products);
    }

    private Optional<MatchResult> match(DeviceFacts d, ProductFacts... products) {
        return matcher.match(matcher.prepare(d), List.of(products).stream().map(matcher::prepare).toList());
    }

    private static ProductFacts leaf(String vendor, String product, String version) {
        return new ProductFacts("ADV", "P", vendor, product, version, ProductStatus.AFFECTED, null, List.of(), List.of(),
                List.of());
    }

    @Test
    void contecAndTheRelabelledEpsimed() {
        ProductFacts cms = leaf("Contec Health", "CMS8000 Patient Monitor", "vers:all/*");
        MatchResult m = match("Contec Medical Systems Co., Ltd.", "CMS 8000", "FW v2.0.6", cms).orElseThrow();
        assertEquals(Confidence.LIKELY, m.confidence());
        assertEquals(List.of("manufacturer 'Contec Medical Systems Co., Ltd.' = vendor 'Contec Health' (name variant)",
                "model 'CMS 8000' ~ product 'CMS8000 Patient Monitor' (model number cms8000)", "all versions affected ('vers:all/*')"),
                m.reasons());
        assertTrue(match("Contec", "CMS-8000", null, cms).isPresent());
        assertTrue(match("Epsimed", "MN-120", null, cms).orElseThrow().reasons().get(0).endsWith("(alias)"));
        assertTrue(match("Contec", "CMS50D pulse oximeter", null, cms).isEmpty(), "another Contec model");
    }

    @Test
    void theLeafThatFitsBetterWinsUnlessItsVersionsExcludeTheDevice() {
        ProductFacts[] spectrum = {leaf("Baxter", "Sigma Spectrum", "v6.x model 35700BAX"),
            leaf("Baxter", "Baxter Spectrum", "v8.x model 35700BAX2")};
        MatchResult renamed = match("Baxter", "Sigma Spectrum", "8.00.01", spectrum).orElseThrow();
        assertEquals(Confidence.POSSIBLE, renamed.confidence(), "Sigma Spectrum 8 is sold as Baxter Spectrum 8");
        assertTrue(renamed.needsReview() && String.join(" ", renamed.reasons()).contains("fits the model better"),
                renamed.reasons().toString());
        assertEquals(Confidence.CONFIRMED, match("Baxter", "Sigma Spectrum", "6.05", spectrum).orElseThrow()
                .confidence());
        ProductFacts[] vue = {leaf("Philips", "Vue PACS", "<= 12.2.x.x"), leaf("Philips", "Vue Motion", "<= 12.2.1.5")};
        MatchResult motion = match("Carestream", "Vue Motion", "12.2.1.4", vue).orElseThrow();
        assertTrue(motion.reasons().stream().anyMatch(r -> r.contains("product 'Vue Motion'")), motion.reasons()
                .toString());
    }

    @Test
    void aModelNumberWrittenWithoutItsDesignator() {
        ProductFacts[] exactamix = {leaf("Baxter", "ExactaMix EM2400", "1.10 | 1.11 | 1.13 | 1.14"),
            leaf("Baxter", "ExactaMix EM1200", "1.1 | 1.2 | 1.4 | 1.5")};
        MatchResult m = match("Baxter", "ExactaMix 2400", "1.13", exactamix).orElseThrow();
        assertEquals(Confidence.CONFIRMED, m.confidence());
        assertTrue(m.reasons().stream().anyMatch(r -> r.contains("product 'ExactaMix EM2400'")), m.reasons().toString());
        assertTrue(match("Baxter", "ExactaMix 2400", "1.2", exactamix).isEmpty(), "1.2 is an EM1200 release only");
        assertTrue(match("Baxter", "ExactaMix 3600", "1.13", exactamix).isEmpty(), "another number");
        assertTrue(match("Baxter", "Compounder 2400", "1.13", exactamix).isEmpty(), "the number alone, another line");
        assertTrue(match("Baxter", "ExactaMix 240", "1.13", exactamix).isEmpty(), "part of the number");
        ProductFacts pcu = leaf("Becton, Dickinson and Company (BD)", "Alaris PC Unit Model 8015", "<= 9.33.1");
        assertTrue(match("BD", "Alaris PCU 8015", "9.33", pcu).isPresent(), "PCU joined to the product's 8015");
        assertTrue(match("BD", "Alaris PCU 8100", "9.33", pcu).isEmpty(), "another number");
        ProductFacts signa = leaf("GE Healthcare", "3.0T Signa Hdxt", "HD 16 | HD23");
        assertTrue(match("GE Healthcare", "Signa HDxt 3.0T", "HD23", signa).isPresent(), "the field strength after the name");
        assertTrue(match("GE Healthcare", "Signa HDxt 1.5T", "HD23", signa).isEmpty(), "another field strength");
    }

    @Test
    void aProductNamedAfterItsBrandAndFormerCompanies() {
        ProductFacts[] orthanc = {leaf("Orthanc", "Orthanc server", "<1.5.8"), leaf("Orthanc", "Osimis WebViewer",
                "1.4.2.0-9d9eff4")};
        MatchResult server = match("Orthanc", "Orthanc", "1.5.7", orthanc).orElseThrow();
        assertEquals(Confidence.POSSIBLE, server.confidence());
        assertTrue(server.needsReview() && server.reasons().stream().anyMatch(r -> r.contains("'Orthanc server'")),
                server.reasons().toString());
        assertTrue(match("Orthanc", "Orthanc", "1.5.8", orthanc).isEmpty(), "1.5.8 is fixed");
        assertTrue(match("Orthanc", "Orthanc viewer", "1.5.7", orthanc).isEmpty(), "another kind of product");
        ProductFacts[] novaseq = {leaf("Illumina", "NovaSeq 6000 Control Software", "<= 1.7"),
            leaf("Illumina", "NovaSeq Control Software", "1.8"), leaf("Illumina", "iSeq 100", "vers:all/*")};
        // As in the catalogue: "NovaSeq" is a family word once two product names share it.
        Families families = new Families(AliasRegistry.builtIn());
        families.learn(List.of(novaseq));
        Matcher withFamilies = new Matcher(AliasRegistry.builtIn(), families);
        java.util.function.Function<String, Optional<MatchResult>> novaseqAt = version -> withFamilies.match(
                withFamilies.prepare(new DeviceFacts(UUID.randomUUID(), UUID.randomUUID(), "Illumina", "NovaSeq 6000",
                        version, null, null, null)), List.of(novaseq).stream().map(withFamilies::prepare).toList());
        MatchResult member = novaseqAt.apply("1.8").orElseThrow();
        assertTrue(member.needsReview() && member.reasons().stream().anyMatch(r -> r.contains("'NovaSeq Control Software'")),
                "a member of the family the 1.8 leaf names: " + member.reasons());
        assertTrue(novaseqAt.apply("1.9").isEmpty(), "1.9 is in no leaf");
        ProductFacts eli = leaf("Hillrom and ELI, Baxter International Inc.", "Welch Allyn ELI 380 Resting Electrocardiograph",
                "<= 2.6.0");
        assertTrue(match("Mortara Instrument, Inc.", "ELI 380 Resting ECG", "2.6.0", eli).isPresent(), "Mortara is Hillrom's");
        ProductFacts prism = leaf("Thermo Fisher", "ABI PRISM 3100/3100-Avant Data Collection Software", "<=2.0");
        assertTrue(match("Applied Biosystems", "3100-Avant Genetic Analyzer", "1.1", prism).isPresent(),
                "Applied Biosystems is a Thermo Fisher brand");
    }

    @Test
    void versionsInsideOutsideAndUnknown() {
        ProductFacts vc150 = leaf("Innokas YhtymÃ¤ Oy", "VC150", "< 1.7.15");
        assertEquals(Confidence.CONFIRMED, match("Innokas Yhtymä Oy", "VC150 vital signs monitor", "1.7.9", vc150)
                .orElseThrow().confidence());
        assertTrue(match("Innokas Medical", "VC150", "1.7.15b", vc150).isEmpty(), "1.7.15b is the fix");
        assertEquals(List.of("manufacturer 'Innokas Medical' = vendor 'Innokas YhtymÃ¤ Oy' (name variant)",
                "model 'VC150' ~ product 'VC150' (model number vc150)", "version unknown (affected: '< 1.7.15')"),
                match("Innokas Medical", "VC150", "", vc150).orElseThrow().reasons());
        ProductFacts[] medfusion = {leaf("Smiths Medical", "Medfusion 4000 Wireless Syringe Infusion Pump", "1.1"),
            leaf("Smiths Medical", "Medfusion 4000 Wireless Syringe Infusion Pump", "1.6")};
        assertTrue(match("Smiths Medical ASD, Inc.", "Medfusion 4000 Wireless Syringe Infusion Pump", "1.6.1",
                medfusion).isEmpty());
        assertTrue(match("Smiths Medical", "Medfusion 3500 syringe pump", null, medfusion).isEmpty(), "other model");
    }

    @Test
    void otherVersionLinesAndUnreadableRanges() {
        ProductFacts[] spaceStation = {leaf("B. Braun Medical", "SpaceStation with SpaceCom 2", "<= L81"),
            leaf("B. Braun Medical", "SpaceStation with SpaceCom 2", "<= 012U000061")};
        assertEquals(Confidence.CONFIRMED, match("B. Braun Medical Inc.", "SpaceStation with SpaceCom 2", "012U000061",
                spaceStation).orElseThrow().confidence());
        assertTrue(match("B. Braun", "SpaceStation with SpaceCom 2", "012U000093", spaceStation).isEmpty(),
                "the U line decides; the L bound is another line, not a reason to review");
        MatchResult review = match("Contec", "CMS8000", "2.0.6",
                leaf("Contec Health", "CMS8000 CONTEC ICU CCU Vital Signs Patient Monitor",
                        "<=smart3250-2.6.27-wlan2.1.7.cramfs")).orElseThrow();
        assertEquals(Confidence.POSSIBLE, review.confidence());
        assertTrue(review.needsReview());
    }

    @Test
    void modelsInTheVersionSlotAndGenericNames() {
        ProductFacts[] roche = {leaf("Roche Diagnostics", "Point of Care handheld medical devices", "CoaguChek XS Pro"),
            leaf("Roche Diagnostics", "Point of Care handheld medical devices", "cobas h 232 POC")};
        assertEquals(Confidence.LIKELY, match("Roche", "CoaguChek XS Pro", null, roche).orElseThrow().confidence());
        assertTrue(match("Roche Diagnostics", "cobas b 221 blood gas system", null, roche).isEmpty());
        ProductFacts intouch = leaf("Stryker", "InTouch ICU Bed (enabled with Bed Wireless)", "2131 and 2141");
        assertTrue(match("Stryker", "InTouch critical care bed 2131 (iBed Wireless)", null, intouch).isPresent());
        ProductFacts prm = leaf("Boston Scientific", "ZOOM LATITUDE Programmer/Recorder/Monitor (PRM) Model", "3120");
        assertTrue(match("Boston Scientific", "ZOOM LATITUDE Programmer/Recorder/Monitor 3120", null, prm).isPresent());
        assertTrue(match("Boston Scientific Corp", "LATITUDE Programming System Model 3300", null, prm).isEmpty());
        assertTrue(match("Dräger", "Infinity Acute Care System M540", "VG3.1",
                leaf("Dräger", "Infinity Delta", "vers:all/*"), leaf("Dräger", "Infinity Explorer C700", "vers:all/*"))
                .isEmpty(), "shares only the Infinity brand");
        assertTrue(match("ZOLL Medical", "R Series ALS defibrillator", null,
                leaf("ZOLL", "Defibrillator Dashboard", "< 2.2")).isEmpty(), "generic words do not decide");
    }

    @Test
    void differentCompaniesNeverMatch() {
        assertTrue(match("Fresenius Medical Care", "Agilia Link+", null,
                leaf("Fresenius Kabi", "Agilia Link+", "<= 3.0 D15")).isEmpty());
        assertTrue(match("Santesoft", "Sante DICOM Viewer Pro", "12.2.3",
                leaf("MicroDicom", "DICOM Viewer", "<2024.2")).isEmpty());
    }

    @Test
    void fixedStatusesUdiAndRecallNumbers() {
        ProductFacts affected = leaf("Acme", "Pump X1", "vers:all/*");
        ProductFacts fixed = new ProductFacts("ADV", "P2", "Acme", "Pump X1", ">= 2.0", ProductStatus.FIXED, null,
                List.of(), List.of(), List.of());
        assertTrue(match("Acme", "Pump X1", "2.1", affected, fixed).isEmpty(), "fixed status respected");
        assertTrue(match("Acme", "Pump X1", "1.9", affected, fixed).isPresent());

        ProductFacts recall = new ProductFacts("Z-1234-2025", null, "Zyno Medical LLC", "Infusion pump, ambulatory",
                null, ProductStatus.AFFECTED, "FRN", List.of("Z-800F"), List.of("800F-01"), List.of("00814371020013"));
        DeviceFacts byUdi = new DeviceFacts(UUID.randomUUID(), null, "Someone Else", "Z800", null, "00814371020013",
                null, null);
        assertEquals(Confidence.CONFIRMED, match(byUdi, recall).orElseThrow().confidence());
        DeviceFacts byModel = new DeviceFacts(UUID.randomUUID(), null, "Zyno Medical", "Z-800F infusion pump", null,
                null, "FRN", null);
        assertTrue(match(byModel, recall).isPresent());
        DeviceFacts byCode = new DeviceFacts(UUID.randomUUID(), null, "Zyno", "Z-900 ambulatory infusion pump", null,
                null, "FRN", null);
        MatchResult weak = match(byCode, recall).orElseThrow();
        assertEquals(Confidence.POSSIBLE, weak.confidence());
        assertTrue(weak.needsReview());
    }

    @Test
    void versionAndModelInOneVersionText() {
        ProductFacts bax2 = leaf("Baxter", "Baxter Spectrum", "v8.x model 35700BAX2");
        ProductFacts bax3 = leaf("Baxter", "Baxter Spectrum", "v9.x model 35700BAX3");
        MatchResult m = match("Baxter Healthcare", "Spectrum infusion pump 35700BAX2", "8.01.01", bax2, bax3)
                .orElseThrow();
        assertEquals(Confidence.CONFIRMED, m.confidence());
        assertTrue(m.reasons().contains("version '8.01.01' within 'v8.x model 35700BAX2'"), m.reasons().toString());
        assertTrue(match("Baxter", "Spectrum infusion pump 35700BAX2", "9.1", bax2).isEmpty(),
                "the version part of the text still excludes 9.x");
        assertTrue(match("Baxter", "Spectrum infusion pump 35700BAX3", "8.01", bax2).isEmpty(),
                "the model part is product evidence: another model number");
        assertEquals(Confidence.CONFIRMED,
                match("Baxter", "Spectrum infusion pump 35700BAX3", "9.1", bax2, bax3).orElseThrow().confidence());
        assertEquals(Confidence.LIKELY,
                match("Baxter", "Spectrum infusion pump", null, bax2).orElseThrow().confidence(), "version unknown");

        ProductFacts lvp = leaf("Baxter", "Baxter Spectrum IQ LVP",
                "9.x (with Wireless Battery Modules >= 22D19 | <= v22D28)");
        assertEquals(Confidence.CONFIRMED,
                match("Baxter", "Spectrum IQ LVP", "9.1", lvp).orElseThrow().confidence(),
                "battery module bounds do not exclude the pump version");
    }
}
