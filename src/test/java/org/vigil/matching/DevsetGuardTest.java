package org.vigil.matching;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The devset accuracy check skips on a user's clone without shared/, and fails in CI, which always has it. */
class DevsetGuardTest {

    @Test
    void withoutSharedItSkipsWithTheReasonUnlessItIsRequired(@TempDir Path empty) throws Exception {
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> DevsetFiles.requirePresent(null, false));
        assertTrue(skipped.getMessage().contains("../shared/matching-devset is absent"), skipped.getMessage());
        AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> DevsetFiles.requirePresent(null, true));
        assertTrue(failed.getMessage().contains("-Ddevset.required=true"), failed.getMessage());
        assertThrows(AssertionFailedError.class, () -> DevsetFiles.requirePresent(empty, true), "devset without corpus");

        Files.createDirectories(empty.resolve("corpus/cisa-csaf/OT/white"));
        assertDoesNotThrow(() -> DevsetFiles.requirePresent(empty, true));
    }
}
