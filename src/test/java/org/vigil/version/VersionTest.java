package org.vigil.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The comparison rules of the matching policy: numbers, prefixes, trailing letters, release letters, builds. */
class VersionTest {

    @ParameterizedTest(name = "{0} vs {1} = {2}")
    @CsvSource(delimiter = '¦', nullValues = "none", textBlock = """
            1.9 ¦ 1.11 ¦ -1
            1.12.4 ¦ 1.5.8 ¦ 1
            3.6 ¦ 3.11 ¦ -1
            1.2 ¦ 1.2.0 ¦ 0
            1.7.15b ¦ 1.7.15 ¦ 1
            v2.0.6 ¦ 2.0.6 ¦ 0
            FW v2.0.6 ¦ 2.0.6 ¦ 0
            SW 3.1.1 ¦ V3.1.1 ¦ 0
            Version 4 ¦ 4.0 ¦ 0
            Rev. L.1 ¦ L.1 ¦ 0
            Rel. 1.4.3 ¦ 1.4.3 ¦ 0
            LPI 3.5.12.P30 ¦ 3.5.12.P30 ¦ 0
            2.4A ¦ 2.4a ¦ 0
            2.4 ¦ 2.4A ¦ -1
            2.4B ¦ 2.4A ¦ 1
            J ¦ K ¦ -1
            K.01.02 ¦ L.00.02 ¦ -1
            A.01 ¦ B.06.18 ¦ -1
            1.4.2.0-9d9eff4 ¦ 1.4.2.0 ¦ 0
            3.0.11.5_BN9 ¦ 3.0.11.5 ¦ 0
            5.17.1-754993421 ¦ 5.17.1 ¦ 0
            14.0.1_Build_2024-02-28 ¦ 14.0.1 ¦ 0
            1.3.1 Build 13 ¦ 1.3.1 ¦ 0
            1.8.4 ¦ 1.8.4 Service Pack 01 ¦ -1
            1.8.4 SP1 ¦ 1.8.4 Service Pack 01 ¦ 0
            VG60A (Windows 7) ¦ VG60A ¦ 0
            012U000061 ¦ U61 ¦ 0
            012U000093 ¦ U61 ¦ 1
            012U000061 ¦ L81 ¦ none
            VF9.1 ¦ VG3.1 ¦ none
            3.2 ¦ K ¦ none
            """)
    void comparesComponentByComponent(String a, String b, Integer expected) {
        assertEquals(expected, Version.parse(a).compareTo(Version.parse(b)));
    }

    @ParameterizedTest(name = "{0} within line {1}: {2}")
    @CsvSource(delimiter = '¦', textBlock = """
            8.3 ¦ 8 ¦ 0
            9.0 ¦ 8 ¦ 1
            Rev. K.01 ¦ K ¦ 0
            L.00.02 ¦ K ¦ 1
            012U000061 ¦ U61 ¦ 0
            """)
    void aReleaseLineHoldsItsVersions(String version, String line, int expected) {
        Version l = Version.parse(line);
        assertEquals(expected, Version.parse(version).compareTo(l, l.segments().size()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "unknown", "N/A", "TBD", "-"})
    void blankOrWordsAreNoVersion(String text) {
        assertNull(Version.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"K", "Rev N", "8", "HD23"})
    void aReleaseLetterOrNumberAloneIsAVersion(String text) {
        assertNotNull(Version.parse(text));
    }
}
