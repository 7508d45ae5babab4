package org.vigil.inventory;

import java.util.Set;
import java.util.UUID;

/**
 * Fired synchronously, inside the transaction that changed the inventory, so that matching can update
 * findings atomically with the change.
 */
public record DevicesChanged(UUID hospitalId, Set<UUID> upserted, Set<UUID> deleted) {
}
