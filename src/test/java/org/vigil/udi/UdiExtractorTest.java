package org.vigil.udi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The code_info forms below are written as they appear in real openFDA device enforcement records. */
class UdiExtractorTest {

    @Test
    void parenthesisedGs1ElementStringGivesGtinLotAndExpiry() {
        // Z-2308-2026, Grace Medical stapes prosthesis
        UdiExtractor.Found f = UdiExtractor.extract(
                "Model/Catalog Number: 409-375 UDI code: (01)00844505000772(10)122927(17)310301 Lot Number: 122927");
        assertEquals(List.of("00844505000772"), f.udiDis());
        assertEquals(List.of("122927"), f.lots());
        List<Gs1ElementString.Gs1Udi> gs1 = Gs1ElementString.findAll("(01)00844505000772(10)122927(17)310301");
        assertEquals(new Gs1ElementString.Gs1Udi("00844505000772", "122927", "310301", null), gs1.get(0));
    }

    @Test
    void labelledDiAloneAndWithASpaceAfterTheAi() {
        // Z-0174-2023 BD Nexiva, Z-2099-2023 BD Synapsys, Z-1603-2023 Immundiagnostik
        assertEquals(List.of("00382903835164"), UdiExtractor.extract(
                "Catalog Number: 383516 UDI-DI Code: (01)00382903835164 Lot Number: 2168865").udiDis());
        assertEquals(List.of("00382904441500"), UdiExtractor.extract("UDI-DI: 00382904441500;").udiDis());
        assertEquals(List.of("04050598000582"), UdiExtractor.extract(
                "UDI: (01) 04050598000582 PN K6870/Lot Numbers:  220706 Exp. 05/04/2024;").udiDis());
        // Z-2958-2018 Covidien BIS battery, in product_description
        assertEquals(List.of("10884521130319"), UdiExtractor.extract("Li-ion battery packs used in BIS Vista and BIS "
                + "View Monitoring Systems.  Product Number/CFN: 186-0208  UDI-Device Identifier (GTIN/UPN): "
                + "10884521130319").udiDis());
    }

    @Test
    void plainDigitElementStringIsSplitByItsApplicationIdentifiers() {
        // 01 + GTIN-14, 17 + YYMMDD, 10 + lot to the end of the token (variable-length field last)
        List<Gs1ElementString.Gs1Udi> found = Gs1ElementString.findAll("scan 01008445050007721731030110LOT42 ok");
        assertEquals(List.of(new Gs1ElementString.Gs1Udi("00844505000772", "LOT42", "310301", null)), found);
        // a group separator (FNC1) ends the lot before the serial
        assertEquals(new Gs1ElementString.Gs1Udi("00844505000772", "A1", null, "SN9"),
                Gs1ElementString.findAll("010084450500077210A1\u001d21SN9").get(0));
    }

    @Test
    void wrongCheckDigitsAndUnlabelledNumbersAreNotUdis() {
        assertTrue(UdiExtractor.extract("(01)00844505000773(10)1").udiDis().isEmpty(), "check digit 3 is wrong");
        assertTrue(UdiExtractor.extract("Serial Numbers: 309658, 310007, 00844505000772").udiDis().isEmpty(),
                "a bare number without a UDI label is a serial, not a DI");
        assertTrue(UdiExtractor.extract("1) UDI-DI: Product Code: AHCV18A, Lots 980221").udiDis().isEmpty());
        assertTrue(UdiExtractor.extract("Not applicable").udiDis().isEmpty());
        assertTrue(UdiExtractor.extract((String) null).udiDis().isEmpty());
    }

    @Test
    void hibccUnflaggedAsFirmsPrintItAndFlaggedWithCheckCharacter() {
        // Z-0899-2022 Conformis knee
        assertEquals(List.of("M572TPS3011113011"),
                UdiExtractor.extract("Serial Number: 0496242  UDI: M572TPS3011113011").udiDis());
        String primary = HibccCode.withCheck("+A123BJC5D6E71");
        assertEquals(List.of("A123BJC5D6E71"), UdiExtractor.extract("label " + primary + " end").udiDis());
        String concatenated = HibccCode.withCheck("+A123BJC5D6E71/$$3251231LOT77");
        HibccCode.HibccUdi u = HibccCode.parse(concatenated).orElseThrow();
        assertEquals(new HibccCode.HibccUdi("A123BJC5D6E71", "LOT77", "251231", null), u);
        String serial = HibccCode.withCheck("+A123BJC5D6E71/$$+7SN123");
        assertEquals("SN123", HibccCode.parse(serial).orElseThrow().serial());
        String wrong = primary.substring(0, primary.length() - 1) + (primary.endsWith("A") ? "B" : "A");
        assertTrue(UdiExtractor.extract(wrong).udiDis().isEmpty(), "a wrong mod-43 check character is refused");
        // Mod 43 can give a space as the check character: "+M572TPS341 " (Z-0034-2000, a BIS battery pack).
        assertEquals(' ', HibccCode.checkCharacter("+M572TPS341"));
        assertEquals(List.of("M572TPS341"),
                UdiExtractor.extract("Serial Number: 490034 UDI: +M572TPS341 ").udiDis());
        assertEquals(List.of("M572TPS341"), UdiExtractor.extract("UDI: +M572TPS341").udiDis(),
                "the field was trimmed: the space check character is gone");
        assertTrue(UdiExtractor.extract("UDI: +M572TPS342").udiDis().isEmpty(), "no check character fits");
    }

    @Test
    void modelAndCatalogNumbersFromTheirLabels() {
        PartNumbers.Found f = PartNumbers.extract("TITANIUM/FLUOROPLASTIC PISTON 0.6MM DIA X 3.75MM L    "
                + "Model/Catalog Number: 409-375      Product Description: Stapes Prosthesis");
        assertEquals(List.of("409-375"), f.modelNumbers());
        assertEquals(List.of("409-375"), f.catalogNumbers());
        assertEquals(List.of("880505-01", "880505-11"),
                PartNumbers.extract("Heron toilet and bath chair Model 880505-01 & 880505-11").modelNumbers());
        assertEquals(List.of("TPS-301-1113-020101"), PartNumbers.extract(
                "iTotal Identity Posterior Stabilised (PS) Knee Replacement System  Model Number: TPS-301-1113-020101")
                .modelNumbers());
        assertEquals(List.of("L1"), PartNumbers.extract("Model: L1, identified by Accession No. RH19A0069").modelNumbers());
        assertEquals(List.of("383516"), PartNumbers.extract(
                "BD Nexiva Closed IV Catheter System - Single Port REF 383516 20 GA X1.0o in").catalogNumbers());
        assertEquals(List.of("AK-25502"), PartNumbers.extract("Catheter, REF AK-25502\n\nProduct Usage;").catalogNumbers());
        assertEquals(List.of("444150"), PartNumbers.extract("BD Synapsys Informatics Solution, Catalog Number 444150")
                .catalogNumbers());
        assertEquals(List.of("K6870", "K6870.20.US.L"), PartNumbers.extract(
                "ELISA P/N: K6870   Single Kit P/N: K6870.20.US.L   20 Plates").catalogNumbers());
        assertEquals(List.of("186-0208"), PartNumbers.extract("Product Number/CFN: 186-0208  UDI").catalogNumbers());
        assertEquals(List.of("3000"), PartNumbers.extract("VNS Therapy Programmer Model No. 3000").modelNumbers());
        assertEquals(List.of("A-7"), PartNumbers.extract("Catalog # A-7.").catalogNumbers());
        assertTrue(PartNumbers.extract("designed for modeling water erosion; see catalog").modelNumbers().isEmpty());
    }
}
