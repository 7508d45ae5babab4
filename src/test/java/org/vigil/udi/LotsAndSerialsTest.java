package org.vigil.udi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** code_info texts as real openFDA device enforcement records write them (recall numbers in the comments). */
class LotsAndSerialsTest {

    private static List<String> lots(String text) {
        return LotsAndSerials.extract(text).lots();
    }

    private static List<String> serials(String text) {
        return LotsAndSerials.extract(text).serials();
    }

    @Test
    void lotListsWithTheirLabelsAndExpiryNotes() {
        // Z-2308-2026: the same lot in the GS1 string and after its label
        assertEquals(List.of("122927"), lots("Model/Catalog Number: 409-375 UDI code: "
                + "(01)00844505000772(10)122927(17)310301 Lot Number: 122927"));
        // Z-1603-2023: two labels, expiry after each lot, ';' and ',' between
        assertEquals(List.of("220706", "221122", "221124", "230102"), lots("UDI: (01) 04050598000582 PN K6870/Lot "
                + "Numbers:  220706 Exp. 05/04/2024;  221122 Exp. 06/07/2024.  P/N:K6870.20.US.L Lot Numbers:  221124 "
                + "Exp:07/29/2025, 230102 Exp: 10/24/2025"));
        // Z-0071-2023
        assertEquals(List.of("980221", "974221", "868221", "842221"), lots("1) UDI-DI: Product Code: AHCV18A, Lots "
                + "980221 (exp. 01/20/2023) and 974221 (exp. 01/25/2023)  2) UDI-DI: Product Code: AHCV18B, Lots 868221 "
                + "(exp. 05/31/2023), 842221 (exp. 05/31/2023)"));
        // openFDA documentation examples
        assertEquals(List.of("007A1037"), lots("Lot 007A1037, Ref 010-55-25."));
        assertEquals(List.of("5008762"), lots("Lot 5008762, Exp 11/30/16."));
        assertEquals(List.of("13F18C0374", "13F18H0580", "13F18D0504"),
                lots("Lot/Batch Numbers: 13F18C0374, 13F18H0580, 13F18D0504"));
    }

    @Test
    void serialListsPrefixesAndRanges() {
        // Z-0198-2018
        assertEquals(List.of("AP0447", "AP0448", "AP0458", "AP0463"),
                serials("Serial Numbers: AP0447, AP0448, AP0458 & AP0463."));
        // Z-0899-2022: the list ends at the next label
        assertEquals(List.of("0496242"), serials("Serial Number: 0496242  UDI: M572TPS3011113011"));
        // Z-2373-2015
        assertEquals(List.of("15AMLB*", "15BMLB*", "15CMLB*"), lots("Lots begin with: 15AMLB, 15BMLB, 15CMLB."));
        assertEquals(List.of("1000..1999", "2500"), serials("Serial numbers 1000 through 1999 and 2500"));
        assertEquals(List.of("SN9"), serials("(01)00844505000772(21)SN9"));
    }

    @Test
    void noLimitWhenTheTextNamesNoneOrAll() {
        assertEquals(List.of(), lots("Not applicable"));
        // Z-2958-2018: a date code is not a lot
        assertEquals(List.of(), lots("Batteries with date code 3114 or older (Week 31 of 2014)"));
        assertEquals(List.of(), lots("Model: L1, identified by Accession No. RH19A0069"));
        assertEquals(List.of(), lots("All lots of catalog 409-375; lot 12 was the first"));
        assertEquals(List.of(), serials("Model SN5000 infusion pump, all serial numbers"));
        assertEquals(List.of(), lots("Lot to be returned"));
    }
}
