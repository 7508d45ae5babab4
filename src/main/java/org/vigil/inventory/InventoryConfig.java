package org.vigil.inventory;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "vigil.inventory")
public interface InventoryConfig {

    /** Largest accepted import file (CSV or JSON); larger uploads are refused with 413 and nothing is read. */
    @WithDefault("10M")
    MemorySize maxImportSize();
}
