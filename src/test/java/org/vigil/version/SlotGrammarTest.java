package org.vigil.version;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.version.VersionRange.Kind;

/**
 * How the grammar reads a CSAF version slot: the kind, the canonical range, and what it sets aside (a model, a note,
 * a condition). The rows follow the notations of the ICSMA product trees, one or two per notation.
 */
class SlotGrammarTest {

    @ParameterizedTest(name = "{0} → {1} {2}")
    @CsvSource(delimiter = '¦', textBlock = """
            <=4.1 ¦ CONSTRAINTS ¦ <=4.1 ¦ ¦
            < 2.0.3 ¦ CONSTRAINTS ¦ <2.0.3 ¦ ¦
            vers:generic/>=1.0|<2.3 ¦ CONSTRAINTS ¦ >=1.0,<2.3 ¦ ¦
            vers:all/>=V2.1.0<V2.4.0 ¦ CONSTRAINTS ¦ >=V2.1.0,<V2.4.0 ¦ ¦
            >= 3.5 | <= 3.12 ¦ CONSTRAINTS ¦ >=3.5,<=3.12 ¦ ¦
            B20 < B21 ¦ CONSTRAINTS ¦ >=B20,<B21 ¦ ¦
            A.02 <= D.0x | 5.0 ¦ CONSTRAINTS ¦ >=A.02,<=D.*|5.0 ¦ ¦
            <= 3.1 |<= M40 ¦ CONSTRAINTS ¦ <=3.1|<=M40 ¦ ¦
            < 3.x ¦ CONSTRAINTS ¦ <3.* ¦ ¦
            <= 9.x ¦ CONSTRAINTS ¦ <=9.* ¦ ¦
            <= 10.4.x.x ¦ CONSTRAINTS ¦ <=10.4.* ¦ ¦
            <= L ¦ CONSTRAINTS ¦ <=L ¦ ¦
            <=P ¦ CONSTRAINTS ¦ <=P ¦ ¦
            Rev C-H ¦ CONSTRAINTS ¦ >=C,<=H ¦ ¦
            Rev D-K | (MX200 for Rev K only) ¦ CONSTRAINTS ¦ >=D,<=K ¦ ¦ (MX200 for Rev K only)
            <= R2.3L4 ¦ CONSTRAINTS ¦ <=R2.3L4 ¦ ¦
            <= T9 B.03.21 ¦ CONSTRAINTS ¦ <=B.03.21 ¦ ¦
            <= 2.2 D11 ¦ CONSTRAINTS ¦ <=2.2 D11 ¦ ¦
            < 2.6.1 Service Pack 02 ¦ CONSTRAINTS ¦ <2.6.1 SP 02 ¦ ¦
            <=6.1_Build_2023-05-17 ¦ CONSTRAINTS ¦ <=6.1_Build_2023-05-17 ¦ ¦
            <=2.2.7.1_BN4 ¦ CONSTRAINTS ¦ <=2.2.7.1_BN4 ¦ ¦
            <V4.20_installed_on_XY10_units ¦ CONSTRAINTS ¦ <V4.20 ¦ ¦
            3.1 and prior ¦ CONSTRAINTS ¦ <=3.1 ¦ ¦
            4.0.2 and  below ¦ CONSTRAINTS ¦ <=4.0.2 ¦ ¦
            prior to 2.0 ¦ CONSTRAINTS ¦ <2.0 ¦ ¦
            All versions prior to 6.2 ¦ CONSTRAINTS ¦ <6.2 ¦ ¦
            Versions 9.4.x.x and prior ¦ CONSTRAINTS ¦ <=9.4.* ¦ ¦
            7.0 and later ¦ CONSTRAINTS ¦ >=7.0 ¦ ¦
            from 1.2 to 1.8 ¦ CONSTRAINTS ¦ >=1.2,<=1.8 ¦ ¦
            8 ¦ EXACT ¦ 8 ¦ ¦
            2.5 ¦ EXACT ¦ 2.5 ¦ ¦
            2.5 | 2.8 | 3.1 ¦ EXACT ¦ 2.5|2.8|3.1 ¦ ¦
            3141 and 3151 ¦ EXACT ¦ 3141|3151 ¦ ¦
            C.04 | D.01 ¦ EXACT ¦ C.04|D.01 ¦ ¦
            HD 14 | HD20 ¦ EXACT ¦ HD14|HD20 ¦ ¦
            (Release 2.1.0 2.1.4 2.2.0) ¦ EXACT ¦ 2.1.0|2.1.4|2.2.0 ¦ ¦
            5.10 | 5.10 SR2 | 5.20 ¦ EXACT ¦ 5.10|5.10 SR2|5.20 ¦ ¦
            2.0.4 MR Build 7 ¦ EXACT ¦ 2.0.4 MR Build 7 ¦ ¦
            LPI 2.4.1.P12 ¦ EXACT ¦ LPI 2.4.1.P12 ¦ ¦
            2.0.1.3-4f2a9c1 ¦ EXACT ¦ 2.0.1.3-4f2a9c1 ¦ ¦
            0x0220_v2.0.1 ¦ EXACT ¦ 0x0220|v2.0.1 ¦ ¦
            061L000042 (global) / 062U000042 (U.S.) ¦ EXACT ¦ 061L000042|062U000042 ¦ ¦
            7.x ¦ WILDCARD ¦ 7.* ¦ ¦
            6.x.x ¦ WILDCARD ¦ 6.* ¦ ¦
            2.X | 3.X ¦ WILDCARD ¦ 2.*|3.* ¦ ¦
            Versions 6.X and 7.X ¦ WILDCARD ¦ 6.*|7.* ¦ ¦
            v7.x model 40200XY1 ¦ WILDCARD ¦ 7.* ¦ 40200XY1 ¦
            v7.x (with Battery Modules v12 | >= v18D20 | <= v18D27) ¦ WILDCARD ¦ 7.* ¦ ¦ (with Battery Modules v12 | >= v18D20 | <= v18D27)
            <= 3.20 (integrated into a gateway) ¦ CONSTRAINTS ¦ <=3.20 ¦ ¦ (integrated into a gateway)
            <=9.4 on Windows 7 with IIS 7.5 ¦ CONSTRAINTS ¦ <=9.4 ¦ ¦ on Windows 7 with IIS 7.5
            741 RTS 2.x ¦ WILDCARD ¦ 2.* ¦ 741 RTS ¦
            Reader Unit with Software 03.00.00 or newer ¦ CONSTRAINTS ¦ >=03.00.00 ¦ Reader Unit ¦
            vers:all/* ¦ ALL ¦ * ¦ ¦
            * (end-of-life 2014) ¦ ALL ¦ * ¦ ¦ (end-of-life 2014)
            All versions ¦ ALL ¦ * ¦ ¦
            All_versions_with_chip_X12 ¦ ALL ¦ * ¦ ¦
            before 2020-01-01 ¦ CONDITION ¦ * ¦ ¦ before 2020-01-01
            <  march 3 2016 ¦ CONDITION ¦ * ¦ ¦ <  march 3 2016
            < october 12 ¦ CONDITION ¦ * ¦ ¦ < october 12
            <=March_02_2024 ¦ CONDITION ¦ * ¦ ¦ <=March_02_2024
            <4/15/2023 ¦ CONDITION ¦ * ¦ ¦ <4/15/2023
            shipped  < june 1, 2019 ¦ CONDITION ¦ * ¦ ¦ shipped  < june 1, 2019
            Windows 10 Enterprise release ¦ CONDITION ¦ * ¦ ¦ Windows 10 Enterprise release
            with imaging option (shipped 2015-May 2017) ¦ CONDITION ¦ * ¦ ¦ with imaging option (shipped 2015-May 2017)
            4th Edition ¦ CONDITION ¦ * ¦ ¦ 4th Edition
            Version C, Firmware B.02.11 ¦ CONDITION ¦ * ¦ ¦ Version C, Firmware B.02.11
            Glucose Meter Pro ¦ MODEL ¦ unparseable ¦ ¦
            QX-RT 220 ¦ MODEL ¦ unparseable ¦ ¦
            4001 T2 | 4002 T2 ¦ MODEL ¦ unparseable ¦ ¦
            MMT-610 / MMT-810 Pump Series ¦ MODEL ¦ unparseable ¦ ¦
            MMT-611(K) / MMT-811(K) Pump ¦ MODEL ¦ unparseable ¦ ¦
            Catalog number AB123 (5-Pack) | AB124 ¦ MODEL ¦ unparseable ¦ ¦
            <= see vendor notice ¦ UNPARSEABLE ¦ unparseable ¦ ¦
            see 1.2.3 notes ¦ UNPARSEABLE ¦ unparseable ¦ ¦
            """)
    void readsTheSlot(String text, Kind kind, String canonical, String model, String qualifier) {
        VersionRange r = VersionRange.parse(text);
        assertEquals(kind, r.kind(), "kind");
        assertEquals(canonical, r.canonical(), "canonical");
        assertEquals(model, r.model(), "model");
        assertEquals(qualifier, r.qualifier(), "qualifier");
    }
}
