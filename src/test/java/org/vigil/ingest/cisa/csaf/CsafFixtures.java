package org.vigil.ingest.cisa.csaf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Hand-written CSAF 2.0 documents in CISA's exact layout (see src/test/resources/csaf). */
public final class CsafFixtures {

    private CsafFixtures() {
    }

    /** ICSMA-99-101-01, version 2: two vendors (one with stray spaces), a product_family, odd version texts, v3 and v2 scores. */
    public static String pump() {
        return resource("/csaf/icsma-99-101-01.json");
    }

    /** The same advisory with another id, version and release date, as a provider would publish a sibling or revision. */
    public static String pump(String id, String version, String currentReleaseDate) {
        return pump().replace("ICSMA-99-101-01", id).replace("icsma-99-101-01", id.toLowerCase())
                .replace("\"version\": \"2\"", "\"version\": \"" + version + "\"")
                .replace("\"current_release_date\": \"2099-04-20T06:00:00.000000Z\"",
                        "\"current_release_date\": \"" + currentReleaseDate + "\"");
    }

    /** RHSA-2099:5186 in Red Hat's layout: an OpenShift image whose relationship product id is 119 characters. */
    public static String redHat() {
        return resource("/csaf/rhsa-2099_5186.json");
    }

    static String resource(String path) {
        try (InputStream in = CsafFixtures.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
