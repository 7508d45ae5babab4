package org.vigil.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retention keys read as operators write them; a wrong one names the key instead of deleting by accident. */
class RetentionAgeTest {

    @Test
    void durationsInDaysHoursOrIso() {
        assertEquals(Optional.of(Duration.ofDays(180)), RetentionService.age("k", "180d"));
        assertEquals(Optional.of(Duration.ofHours(4320)), RetentionService.age("k", "4320h"));
        assertEquals(Optional.of(Duration.ofDays(90)), RetentionService.age("k", "P90D"));
    }

    @Test
    void offKeepsEverything() {
        assertEquals(Optional.empty(), RetentionService.age("k", "off"));
        assertEquals(Optional.empty(), RetentionService.age("k", " OFF "));
        assertEquals(Optional.empty(), RetentionService.age("k", "0"));
    }

    @Test
    void nonsenseAndNegativeAgesAreRefusedWithTheKey() {
        for (String bad : new String[] {"soon", "-5d", "0s", "180 days"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> RetentionService.age("vigil.retention.events", bad), bad);
            assertTrue(e.getMessage().contains("vigil.retention.events"), e.getMessage());
        }
    }
}
