package org.vigil.version;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.version.VersionRange.Kind;
import org.vigil.version.VersionRange.Verdict;

/**
 * What a version slot says about a device version, for the notations of the ICSMA product trees: inside (IN), clearly
 * outside (OUT), no limit the inventory can show (ALL), blank device version (UNKNOWN), unreadable (UNDECIDED).
 */
class VersionRangeTest {

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @CsvSource(delimiter = '¦', textBlock = """
            < 1.7.15 ¦ 1.7.9 ¦ IN
            < 1.7.15 ¦ 1.7.15b ¦ OUT
            <= 2.2.3 ¦ 2.2.3 ¦ IN
            <= 2.2.3 ¦ SW 3.1.1 ¦ OUT
            < 2.2 ¦ 2.2 ¦ OUT
            <= 1.11 ¦ v1.9 ¦ IN
            <= 1.11 ¦ 1.12 ¦ OUT
            >= 2.5 | <= 3.11 ¦ 3.6 ¦ IN
            >= 2.5 | <= 3.11 ¦ 3.12 ¦ OUT
            <1.5.8 ¦ 1.12.4 ¦ OUT
            <= 3.0 D15 ¦ 3.0 D15 ¦ IN
            <= 2.4A ¦ 2.4A ¦ IN
            <= 2.4A ¦ 2.4B ¦ OUT
            vers:all/<V11.3.2.0 ¦ V11.3.1 ¦ IN
            vers:generic/>=1.0|<2.3 ¦ 2.2.9 ¦ IN
            vers:generic/>=1.0|<2.3 ¦ 2.3 ¦ OUT
            vers:all/>=V1.17.3<V1.18.0 ¦ 1.17.9 ¦ IN
            vers:all/>=V1.17.3<V1.18.0 ¦ 1.18.0 ¦ OUT
            <=14.0.1_Build_2024-02-28 ¦ 14.0.1 ¦ IN
            <=2023.3_Build_9342 ¦ 2024.03 ¦ OUT
            <V9.40_installed_on_CP150_and_CP300_devices ¦ 9.3 ¦ IN
            < 1.8.4 Service Pack 01 ¦ 1.8.4 ¦ IN
            < 1.8.4 Service Pack 01 ¦ 1.8.4 SP1 ¦ OUT
            <= 8 ¦ 8.3 ¦ IN
            <= 8 ¦ 9.0 ¦ OUT
            8 ¦ 8.3.1 ¦ IN
            8 ¦ 7.9 ¦ OUT
            <= K ¦ Rev. K.01 ¦ IN
            <= K ¦ K.01.02 ¦ IN
            <= K ¦ L.00.02 ¦ OUT
            <=N ¦ N.01.00 ¦ IN
            <=N ¦ P.01 ¦ OUT
            Rev J-M | (X3/MX100 for Rev M only) ¦ Rev. L.1 ¦ IN
            Rev J-M | (X3/MX100 for Rev M only) ¦ K.01.02 ¦ IN
            Rev J-M | (X3/MX100 for Rev M only) ¦ H.15 ¦ OUT
            Rev J-M | (X3/MX100 for Rev M only) ¦ N.00 ¦ OUT
            8.x ¦ 8.2.1 ¦ IN
            14.x ¦ 15.0 ¦ OUT
            5.x.x ¦ SW 5.6.1 ¦ IN
            4.X | 5.X ¦ 5.2 ¦ IN
            4.X | 5.X ¦ 4.0.7 ¦ IN
            4.X | 5.X ¦ 6.0 ¦ OUT
            < 3.x ¦ 3.2 ¦ OUT
            < 3.x ¦ 2.9.9 ¦ IN
            <= 12.2.x.x ¦ 12.2.8.410 ¦ IN
            <= 12.2.x.x ¦ 12.3 ¦ OUT
            A.01 <= C.0x | 4.0 ¦ C.03 ¦ IN
            prior to 4.2 ¦ 4.1.9 ¦ IN
            All versions prior to 4.2 ¦ 4.2 ¦ OUT
            3.1 and prior ¦ 3.1 ¦ IN
            2.3.6 and  below ¦ 2.3.7 ¦ OUT
            5.0 and later ¦ 6 ¦ IN
            1.5 ¦ v1.5 ¦ IN
            1.6 ¦ 1.6.1 ¦ OUT
            SV20.1 | SV23.0 ¦ SV23.0 ¦ IN
            B.02 | C.02 | C.03 ¦ C.02 ¦ IN
            B.02 | C.02 | C.03 ¦ A.01 ¦ OUT
            (Release 1.3.2 1.4.0 1.4.1 1.4.3 1.4.5) ¦ Rel. 1.4.3 ¦ IN
            (Release 1.3.2 1.4.0 1.4.1 1.4.3 1.4.5) ¦ 1.4.4 ¦ OUT
            4.20 | 4.20 SR1 | 4.30 ¦ 4.20 SR1 ¦ IN
            1.1.3 MR Build 11 ¦ 1.1.3 MR Build 11 ¦ IN
            1.4.2.0-9d9eff4 ¦ 1.4.2.0 ¦ IN
            LPI 3.5.12.P30 ¦ 3.5.12.P30 ¦ IN
            <= S4 A.07.107 ¦ A.07.107 ¦ IN
            <= U61 |<= L81 ¦ 012U000061 ¦ IN
            <= U61 |<= L81 ¦ 012U000093 ¦ OUT
            <= U61 |<= L81 ¦ 2.0 ¦ UNDECIDED
            < 012U000040 ¦ 012U000061 ¦ OUT
            vers:all/* ¦ 1.0 ¦ ALL
            * (end-of-life 2011) ¦ 9 ¦ ALL
            All versions ¦ ¦ ALL
            All_versions_with_switch_chip_M88E6083 ¦ 2 ¦ ALL
            CoaguChek XS Pro ¦ 2.0 ¦ ALL
            3002 S3 | 3005 S3 ¦ 1.0 ¦ ALL
            Windows 10 Professional Operating System U.S. release ¦ 1.2 ¦ ALL
            before 2020-01-01 ¦ 3.0 ¦ ALL
            <  july 1 2017 ¦ 4.5 ¦ ALL
            <=September_19_2025 ¦ 4.1 ¦ ALL
            with wireless option (shipped between 2016-August 2018) ¦ 2.1 ¦ ALL
            2nd Edition ¦ 1.0 ¦ ALL
            Version A, Firmware A.03.09 ¦ M.00.03 ¦ ALL
            <= 2.2.3 ¦ ¦ UNKNOWN
            <= 2.2.3 ¦ unknown ¦ UNKNOWN
            Rev J-M ¦ N/A ¦ UNKNOWN
            <= see vendor notice ¦ 1.0 ¦ UNDECIDED
            see 1.2.3 notes ¦ 3 ¦ UNDECIDED
            <= R4.1L1 ¦ 4.1 ¦ UNDECIDED
            8.x ¦ VF9.1 ¦ UNDECIDED
            0x0110_v1.1.0 ¦ 0x0110_v1.1.0 ¦ IN
            LPI 3.5.12.P30 ¦ lpi 3.5.12.p30 ¦ IN
            4.20 | 4.20 SR1 | 4.30 ¦ 4.20 SR1 ¦ IN
            0x0110_v1.1.0 ¦ 0x0110_v1.0.9 ¦ OUT
            """)
    void verdicts(String range, String device, Verdict expected) {
        assertEquals(expected, VersionRange.parse(range).test(device));
    }

    @Test
    void theVersionPartOfAMixedSlotStillLimits() {
        VersionRange baxter = VersionRange.parse("v8.x model 35700BAX2");
        assertEquals(Kind.WILDCARD, baxter.kind());
        assertEquals("35700BAX2", baxter.model());
        assertEquals(Verdict.IN, baxter.test("8.01.01"));
        assertEquals(Verdict.OUT, baxter.test("9.1"));

        VersionRange lvp = VersionRange.parse("9.x (with Wireless Battery Modules >= 22D19 | <= v22D28)");
        assertEquals("9.*", lvp.canonical(), "battery module bounds are not device versions");
        assertEquals(Verdict.IN, lvp.test("9.1"));
        assertEquals(Verdict.OUT, lvp.test("22D20"));

        VersionRange accu = VersionRange.parse("Accu-Chek Inform II Base Unit NEW with Software 04.00.00 or newer");
        assertEquals("Accu-Chek Inform II Base Unit NEW", accu.model());
        assertEquals(Verdict.IN, accu.test("04.01.02"));
        assertEquals(Verdict.OUT, accu.test("03.05"));

        VersionRange vx = VersionRange.parse("653 MCE 3.x");
        assertEquals("653 MCE", vx.model());
        assertEquals(Verdict.IN, vx.test("3.2"));
    }

    @Test
    void blankTextIsUnreadableAndKeepsItsText() {
        assertEquals(Kind.UNPARSEABLE, VersionRange.parse("  ").kind());
        assertEquals(Verdict.UNKNOWN, VersionRange.parse(null).test(""));
        assertEquals(Verdict.UNDECIDED, VersionRange.parse("").test("1.0"));
        assertEquals("<= 2.2.3", VersionRange.parse(" <= 2.2.3 ").text());
        assertEquals(VersionRange.UNPARSEABLE, VersionRange.parse("<= see vendor notice").canonical());
    }
}
