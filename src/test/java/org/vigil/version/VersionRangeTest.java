package org.vigil.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.vigil.version.VersionRange.Kind;
import org.vigil.version.VersionRange.Verdict;

/** Notations from the corpus README and the ICSMA product trees. */
class VersionRangeTest {

    private static Verdict test(String range, String device) {
        return VersionRange.parse(range).test(device);
    }

    @Test
    void versionsCompareSegmentBySegment() {
        assertEquals(-1, Version.parse("1.7.9").compareTo(Version.parse("1.7.15")));
        assertEquals(1, Version.parse("1.7.15b").compareTo(Version.parse("1.7.15")));
        assertEquals(0, Version.parse("1.2").compareTo(Version.parse("1.2.0")));
        assertEquals(0, Version.parse("FW v2.0.6").compareTo(Version.parse("2.0.6")));
        assertEquals(0, Version.parse("SW 3.1.1").compareTo(Version.parse("V3.1.1")));
        assertEquals(0, Version.parse("012U000061").compareTo(Version.parse("U61")));
        assertEquals(1, Version.parse("012U000093").compareTo(Version.parse("U61")));
        assertNull(Version.parse("012U000061").compareTo(Version.parse("L81")), "different version lines");
        assertNull(Version.parse("VF9.1").compareTo(Version.parse("VG3.1")));
        assertEquals(-1, Version.parse("A.01").compareTo(Version.parse("B.06.18")), "Philips release letters");
        assertNull(Version.parse("unknown"));
        assertNull(Version.parse(""));
    }

    @Test
    void operatorsAndVers() {
        assertEquals(Verdict.IN, test("< 1.7.15", "1.7.9"));
        assertEquals(Verdict.OUT, test("< 1.7.15", "1.7.15b"));
        assertEquals(Verdict.IN, test("<= 2.2.3", "2.2.3"));
        assertEquals(Verdict.OUT, test("<= 2.2.3", "SW 3.1.1"));
        assertEquals(Verdict.OUT, test("< 2.2", "2.2"));
        assertEquals(Verdict.IN, test("<= 3.0 D15", "3.0 D15"));
        assertEquals(Verdict.OUT, test("<= 3.3.0", "3.3.2"));
        assertEquals(Verdict.IN, test("vers:all/<V11.3.2.0", "V11.3.1"));
        assertEquals(Verdict.IN, test("vers:all/>=V3.0.1|<V3.0.3", "3.0.2"));
        assertEquals(Verdict.OUT, test("vers:all/>=V3.0.1|<V3.0.3", "3.0.3"));
        assertEquals(Verdict.IN, test("vers:all/>=V1.17.3<V1.18.0", "1.17.9"), "malformed vers without |");
        assertEquals(Verdict.OUT, test("vers:all/>=V1.17.3<V1.18.0", "1.18.0"));
        assertEquals(Verdict.IN, test("vers:all/>=V5.4", "5.10"));
        assertEquals(Verdict.IN, test(">=v1.0.0|<v3.0.4", "v2.9"));
        assertEquals(Verdict.IN, test("<=14.0.1_Build_2024-02-28", "14.0.1"));
        assertEquals(Verdict.IN, test("<V9.40_installed_on_CP150_and_CP300_devices", "9.3"));
        assertEquals(">=1.17.3,<1.18.0", VersionRange.parse("vers:all/>=V1.17.3<V1.18.0").canonical()
                .replace("V", ""));
    }

    @Test
    void alternativesOfDifferentLines() {
        assertEquals(Verdict.IN, test("<= U61 |<= L81", "012U000061"));
        assertEquals(Verdict.OUT, test("<= U61 |<= L81", "012U000093"), "U line decides; L bound is another line");
        assertEquals(Verdict.UNDECIDED, test("<= U61 |<= L81", "2.0"));
        assertEquals(Verdict.OUT, test("< 012U000040", "012U000061"));
    }

    @Test
    void allVersionsWildcardsAndProse() {
        assertEquals(Verdict.ALL, test("vers:all/*", "1.0"));
        assertEquals(Verdict.ALL, test("* (end-of-life 2011)", "9"));
        assertEquals(Verdict.ALL, test("All versions", ""));
        assertEquals(Verdict.ALL, test("All_versions_with_switch_chip_M88E6083", "2"));
        assertEquals(Verdict.IN, test("8.x", "8.2.1"));
        assertEquals(Verdict.OUT, test("14.x", "15.0"));
        assertEquals(Verdict.IN, test("prior to 4.2", "4.1.9"));
        assertEquals(Verdict.OUT, test("All versions prior to 4.2", "4.2"));
        assertEquals(Verdict.IN, test("3.1 and earlier", "3.1"));
        assertEquals(Verdict.IN, test("5.0 and later", "6"));
        assertEquals("8.*", VersionRange.parse("8.x").canonical());
        assertEquals("*", VersionRange.parse("vers:all/*").canonical());
    }

    @Test
    void exactListsAndModelsInTheVersionSlot() {
        assertEquals(Verdict.IN, test("1.5", "v1.5"));
        assertEquals(Verdict.OUT, test("1.6", "1.6.1"));
        assertEquals(Verdict.IN, test("SV20.1 | SV23.0", "SV23.0"));
        assertEquals(Kind.EXACT, VersionRange.parse("2131 and 2141").kind());
        assertEquals(Kind.EXACT, VersionRange.parse("B.02 | C.02 | C.03").kind(), "Philips letter-dot versions");
        assertEquals(Verdict.IN, test("B.02 | C.02 | C.03", "C.02"));
        assertEquals(Verdict.OUT, test("B.02 | C.02 | C.03", "A.01"));
        assertEquals(Verdict.IN, test("< B.06.18", "B.06"));
        assertEquals(Kind.EXACT, VersionRange.parse(
                "053L000091 (global) / 054U000091 (U.S.) and 053L000092 (global) / 054U000092 (U.S.)").kind());
        assertEquals(Kind.EXACT, VersionRange.parse("smart3250-2.6.27-wlan2.1.7.cramfs").kind());
        assertEquals(Kind.EXACT, VersionRange.parse("CMS7.820.075.08/0.74(0.75)").kind());
        assertEquals(Kind.MODEL, VersionRange.parse("CoaguChek XS Pro").kind());
        assertEquals(Kind.MODEL, VersionRange.parse("CR-IR 357").kind());
        assertEquals(Kind.MODEL, VersionRange.parse("3002 S3 | 3005 S3").kind());
        assertEquals(Kind.MODEL, VersionRange.parse("MMT-508 MiniMed pump").kind());
        assertEquals(Verdict.ALL, test("CoaguChek XS Pro", "2.0"));
    }

    @Test
    void unreadableRangesAreUndecidedNeverOut() {
        assertEquals(Verdict.UNDECIDED, test("<= see vendor notice", "1.0"));
        assertEquals(Verdict.UNDECIDED, test("see 1.2.3 notes", "3"));
        assertEquals(Verdict.UNKNOWN, test("<= 2.2.3", ""));
        assertEquals(Verdict.UNKNOWN, test("<= 2.2.3", "unknown"));
        assertEquals(VersionRange.UNPARSEABLE, VersionRange.parse("<= see vendor notice").canonical());
    }

    @Test
    void versionsFollowedByAModelOrAQualifier() {
        VersionRange baxter = VersionRange.parse("v8.x model 35700BAX2");
        assertEquals(Kind.WILDCARD, baxter.kind());
        assertEquals("35700BAX2", baxter.model());
        assertEquals(Verdict.IN, baxter.test("8.01.01"));
        assertEquals(Verdict.OUT, baxter.test("9.1"), "the version part still limits the versions");
        assertEquals("35700BAX", VersionRange.parse("6.x model 35700BAX").model());

        VersionRange lvp = VersionRange.parse("9.x (with Wireless Battery Modules >= 22D19 | <= v22D28)");
        assertEquals("9.*", lvp.canonical(), "battery module bounds are not device versions");
        assertEquals("(with Wireless Battery Modules >= 22D19 | <= v22D28)", lvp.qualifier());
        assertNull(lvp.model());
        assertEquals(Verdict.IN, lvp.test("9.1"));
        assertEquals(Verdict.IN, test("6.x (Wireless Battery Modules (16 | 16D38 | >= 20D29 | <= v20D32)", "6.3"));
        assertEquals(Verdict.OUT, test("<=11.2 on Windows 8.1 with IIS 7.5", "12.0"));
        assertEquals(Verdict.IN, test("<=11.2 on Windows 8.1 with IIS 7.5", "11.1"));
        assertEquals("<=1.54", VersionRange.parse("<= 1.54 (integrated into GE MobileLink)").canonical());

        assertEquals(Kind.MODEL, VersionRange.parse("MMT-508 MiniMed pump").kind(), "a model alone stays a model");
        assertNull(VersionRange.parse("MMT-508 MiniMed pump").model());
        assertEquals(4, VersionRange.parse("053L000091 (global) / 054U000091 (U.S.) and 053L000092 (global) / "
                + "054U000092 (U.S.)").canonical().split("\\|").length, "notes inside exact lists are not qualifiers");
    }
}
