package org.vigil.matching;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/** The shared corpus (../shared/corpus/cisa-csaf, not in the repository) as an offline CSAF mirror, ICSMA only. */
public class DevsetProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Path dir = (DevsetFiles.SHARED == null ? Path.of("/nonexistent-shared") : DevsetFiles.SHARED)
                .resolve("corpus/cisa-csaf/OT/white").toAbsolutePath().normalize();
        return Map.of(
                "vigil.sources.cisa-csaf.directory-url", dir.toUri().toString(),
                "vigil.sources.cisa-csaf.additional-index-urls", dir.resolve("upstream-2026/index.txt").toUri().toString(),
                "vigil.sources.cisa-csaf.verification", "allow-unverified",
                "vigil.sources.cisa-csaf.skip-missing-documents", "true",
                "vigil.sources.cisa-csaf.id-prefixes", "ICSMA",
                "quarkus.log.category.\"co.arjuna\".level", "ERROR");
    }
}
