package org.vigil.udi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** UDIs as printed on labels, typed by people and sent by scanners. */
class UdiLabelTest {

    private static Udi ok(String text) {
        UdiLabel.Reading r = UdiLabel.read(text);
        assertTrue(r.ok(), () -> text + ": " + r.problem());
        return r.udi();
    }

    private static String problem(String text) {
        UdiLabel.Reading r = UdiLabel.read(text);
        assertFalse(r.ok(), () -> text + " was read as " + r.udi());
        return r.problem();
    }

    @Test
    void gs1HumanReadableFormGivesTheDiAndEveryProductionIdentifier() {
        Udi u = ok("(01)00884838101180(17)250101(10)ABC123");
        assertEquals(new Udi(Udi.Agency.GS1, "00884838101180", "ABC123", null, LocalDate.of(2025, 1, 1), null), u);
        Udi full = ok(" (01) 00884838101180 (11)240615 (17)290600 (10)L-77 (21)SN0042 ");
        assertEquals("SN0042", full.serial());
        assertEquals("L-77", full.lot());
        assertEquals(LocalDate.of(2024, 6, 15), full.manufacturingDate());
        assertEquals(LocalDate.of(2029, 6, 30), full.expirationDate(), "day 00 is the last day of the month");
        assertFalse(ok("(01)00884838101180").hasProductionIdentifiers());
    }

    @Test
    void scannedGs1StringWithGroupSeparatorsAndSymbologyPrefixes() {
        Udi expected = new Udi(Udi.Agency.GS1, "00884838101180", "ABC123", "S1", LocalDate.of(2025, 1, 1), null);
        assertEquals(expected, ok("]d2010088483810118017250101" + "10ABC123\u001d21S1"));
        assertEquals(expected, ok("]C1010088483810118017250101" + "10ABC123\u001d21S1"));
        assertEquals(expected, ok("]Q3010088483810118017250101" + "10ABC123<GS>21S1"));
        assertEquals(expected, ok("010088483810118017250101" + "10ABC123\u241d21S1"));
        // variable-length field last: no separator needed
        assertEquals("ABC123", ok("01008848381011801725010110ABC123").lot());
    }

    @Test
    void hibccPrimaryWithLotExpiryAndSerial() {
        String primary = HibccCode.withCheck("+H123PN10011");
        assertEquals(new Udi(Udi.Agency.HIBCC, "H123PN10011", null, null, null, null), ok(primary));
        Udi lot = ok(HibccCode.withCheck("+H123PN10011/$$3250101LOT77"));
        assertEquals("LOT77", lot.lot());
        assertEquals(LocalDate.of(2025, 1, 1), lot.expirationDate());
        Udi mmyy = ok(HibccCode.withCheck("+H123PN10011/$$0327LOT8"));
        assertEquals(LocalDate.of(2027, 3, 31), mmyy.expirationDate());
        assertEquals("SER9", ok(HibccCode.withCheck("+H123PN10011/$+SER9")).serial());
        Udi serialAndDate = ok(HibccCode.withCheck("+H123PN10011/$$+3261231SER10/16D20240102"));
        assertEquals("SER10", serialAndDate.serial());
        assertEquals(LocalDate.of(2024, 1, 2), serialAndDate.manufacturingDate());
        // two symbols: the secondary carries the primary's check character as its link
        char link = primary.charAt(primary.length() - 1);
        String secondary = HibccCode.withCheck("+$$3250101LOT77" + link);
        assertEquals("LOT77", ok(primary + " " + secondary).lot());
        assertEquals("H123PN10011", ok("h123pn10011").di(), "an unflagged DI as GUDID records it");
    }

    @Test
    void wrongCheckDigitSaysWhatItShouldBe() {
        assertEquals("GTIN 00884838101181 has the wrong check digit 1: for 0088483810118 it must be 0 "
                + "(is a digit mistyped?)", problem("00884838101181"));
        assertTrue(problem("(01)00884838101183(10)A").contains("it must be 0"));
        String good = HibccCode.withCheck("+H123PN10011");
        char right = good.charAt(good.length() - 1);
        char wrong = right == 'A' ? 'B' : 'A';
        assertEquals("HIBCC code +H123PN10011" + wrong + " has the wrong check character '" + wrong
                + "': for +H123PN10011 it must be '" + right + "'", problem("+H123PN10011" + wrong));
    }

    @Test
    void otherMistakesAreNamed() {
        assertTrue(problem("(01)00884838101180(99)X").startsWith("(99) is not an application identifier"));
        assertTrue(problem("(01)00884838101180(17)251301").contains("is not a date YYMMDD"));
        assertTrue(problem("(10)ABC").contains("needs the GTIN"));
        assertTrue(problem("0100884838101180" + "10" + "X".repeat(25)).contains("group separator"));
        assertTrue(problem("+$$3250101LOT77").contains("secondary code"));
        assertTrue(problem("not a udi").startsWith("'not a udi' is not a UDI"));
    }
}
