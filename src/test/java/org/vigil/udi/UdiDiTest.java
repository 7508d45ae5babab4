package org.vigil.udi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UdiDiTest {

    @Test
    void gtin14WithValidCheckDigitIsKept() {
        // From an FDA enforcement record: "UDI code: (01)00844505000772(10)122927".
        assertEquals(Optional.of("00844505000772"), UdiDi.normalize("00844505000772"));
        assertEquals(Optional.of("00844505000772"), UdiDi.normalize("(01)00844505000772"));
    }

    @Test
    void shorterGtinsArePaddedToGtin14() {
        assertEquals(Optional.of("00844505000772"), UdiDi.normalize("844505000772"));
        assertEquals(Optional.of("00844505000772"), UdiDi.normalize("0844505000772"));
    }

    @Test
    void wrongCheckDigitIsRejected() {
        assertFalse(UdiDi.isValid("00844505000773"));
        assertFalse(UdiDi.isValid("1234567890123"));
    }

    @Test
    void hibccDiAsGudidStoresIt() {
        // An FDA recall quotes "UDI: M572TPS3011113011": LIC M572, product TPS301111301, unit of measure 1.
        assertEquals(Optional.of("M572TPS3011113011"), UdiDi.normalize("M572TPS3011113011"));
        assertEquals(Optional.of("M572TPS3011113011"), UdiDi.normalize("m572tps3011113011"));
    }

    @Test
    void hibccPrimaryBarcodeChecksItsMod43Character() {
        // "+A99912345/$" style: + LIC(A999) PCN(1234) U/M(5) check; sum of values mod 43.
        String data = "+A99912345";
        int sum = 0;
        String chars = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";
        for (char c : data.toCharArray()) {
            sum += chars.indexOf(c);
        }
        String barcode = data + chars.charAt(sum % 43);
        assertTrue(UdiDi.hibccCheckValid(barcode));
        assertEquals(Optional.of("A99912345"), UdiDi.normalize(barcode));
        String wrong = data + chars.charAt((sum + 1) % 43);
        assertFalse(UdiDi.isValid(wrong));
    }

    @Test
    void garbageIsRejected() {
        assertFalse(UdiDi.isValid(""));
        assertFalse(UdiDi.isValid("not a udi"));
        assertFalse(UdiDi.isValid("1AB"));
        assertFalse(UdiDi.isValid(null));
    }
}
