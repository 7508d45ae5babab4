package org.vigil.inventory.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.vigil.inventory.Device;
import org.vigil.inventory.DeviceRepository;
import org.vigil.inventory.DevicesChanged;

/**
 * The last step of an import: upserts validated rows by asset id in one transaction, so a failure writes nothing,
 * and fires {@link DevicesChanged} in it so findings change with the inventory. The one place that writes import
 * rows: a faster writer (batched inserts) replaces this class alone.
 */
@ApplicationScoped
public class ImportWriter {

    /** Rows created and updated (or that would be, on a dry run). */
    public record Counts(int created, int updated) {
    }

    private final DeviceRepository devices;
    private final Event<DevicesChanged> changed;

    public ImportWriter(DeviceRepository devices, Event<DevicesChanged> changed) {
        this.devices = devices;
        this.changed = changed;
    }

    /** Writes the rows, or with {@code dryRun} only counts what it would write. */
    @Transactional
    public Counts write(UUID hospitalId, List<ImportRow> rows, boolean dryRun) {
        Set<String> assetIds = new LinkedHashSet<>();
        rows.forEach(r -> {
            if (r.input().assetId() != null) {
                assetIds.add(r.input().assetId());
            }
        });
        Map<String, Device> existing = new HashMap<>();
        for (Device d : devices.findByAssetIds(hospitalId, assetIds)) {
            existing.put(d.assetId, d);
        }
        int created = 0;
        int updated = 0;
        Set<UUID> touched = new LinkedHashSet<>();
        List<Device> fresh = new ArrayList<>();
        for (ImportRow row : rows) {
            Device current = row.input().assetId() == null ? null : existing.get(row.input().assetId());
            if (current != null) {
                updated++;
                if (!dryRun) {
                    current.apply(row.input());
                    touched.add(current.id);
                }
            } else {
                created++;
                if (!dryRun) {
                    Device device = Device.create(hospitalId, row.input());
                    fresh.add(device);
                    touched.add(device.id);
                }
            }
        }
        if (!dryRun) {
            devices.persist(fresh);
            devices.flush();
            if (!touched.isEmpty()) {
                changed.fire(new DevicesChanged(hospitalId, touched, Set.of()));
            }
        }
        return new Counts(created, updated);
    }
}
