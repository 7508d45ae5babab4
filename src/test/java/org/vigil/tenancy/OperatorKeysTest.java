package org.vigil.tenancy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OperatorKeysTest {

    @Test
    void randomKeysPassAndPlaceholdersOrShortKeysAreRefused() {
        assertDoesNotThrow(() -> OperatorKeys.check("k7Qm2vX9pL4tR8wZ1nB6cY3hJ5sD0fGa"));
        assertDoesNotThrow(() -> OperatorKeys.check("vgl_3q2-7pXcA_0mZyLkQwErTyUiOpAsDfGhJkLzXcVbN"));
        for (String placeholder : new String[] {"change-me-to-a-long-random-value-0000",
                "replace-with-the-output-of-openssl-rand-base64-32", "CHANGEME-CHANGEME-CHANGEME-CHANGEME",
                "<your operator key goes in here, 32+>", "my-example-operator-key-for-prod-01",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}) {
            OperatorKeys.Refused e = assertThrows(OperatorKeys.Refused.class, () -> OperatorKeys.check(placeholder),
                    placeholder);
            assertTrue(e.getMessage().contains("placeholder") && !e.getMessage().contains(placeholder), e.getMessage());
        }
        assertTrue(assertThrows(OperatorKeys.Refused.class, () -> OperatorKeys.check("short"))
                .getMessage().startsWith("VIGIL_ADMIN_API_KEY must be at least 24 characters (it has 5)"));
    }
}
