package org.vigil.ingest.cisa.csaf;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.ingest.IngestRun;
import org.vigil.ingest.IngestService;
import org.vigil.support.Api;

/** An offline mirror with no key under the default strict policy: the run fails visibly, nothing is imported. */
@QuarkusTest
@TestProfile(CsafStrictWithoutKeyTest.StrictMirror.class)
class CsafStrictWithoutKeyTest {

    public static class StrictMirror implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.sources.cisa-csaf.directory-url",
                    Path.of("src/test/resources/csaf").toAbsolutePath().toUri().toString());
        }
    }

    @Inject
    IngestService ingest;

    @Test
    void strictPolicyWithoutAKeyFailsTheRunWithTheReason() {
        IngestRun run = ingest.run("cisa-csaf", IngestRun.Trigger.SCHEDULED);
        assertEquals(IngestRun.Status.FAILED, run.status);
        assertTrue(run.message.contains("no OpenPGP key"), run.message);
        assertEquals(0, run.created);
        Api.asOperator().get("/api/v1/sources").then().statusCode(200)
                .body("find { it.name == 'cisa-csaf' }.status", equalTo("FAILED"))
                .body("find { it.name == 'cisa-csaf' }.lastError", containsString("openpgp-key-url"));
    }
}
