package org.vigil.inventory;

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
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.api.ProblemDetail.FieldError;

/** A hospital's inventory: every method is scoped to the caller's hospital. */
@ApplicationScoped
public class DeviceService {

    private final DeviceRepository devices;
    private final Event<DevicesChanged> changed;

    public DeviceService(DeviceRepository devices, Event<DevicesChanged> changed) {
        this.devices = devices;
        this.changed = changed;
    }

    @Transactional
    public DeviceView create(UUID hospitalId, DeviceInput input) {
        DeviceInput valid = validOrThrow(input);
        if (valid.assetId() != null && devices.findByAssetId(hospitalId, valid.assetId()).isPresent()) {
            throw ApiException.conflict("A device with assetId '" + valid.assetId() + "' already exists");
        }
        Device device = Device.create(hospitalId, valid);
        devices.persist(device);
        changed.fire(new DevicesChanged(hospitalId, Set.of(device.id), Set.of()));
        return DeviceView.of(device);
    }

    @Transactional
    public DeviceView get(UUID hospitalId, UUID id) {
        return DeviceView.of(owned(hospitalId, id));
    }

    @Transactional
    public DeviceView update(UUID hospitalId, UUID id, DeviceInput input) {
        Device device = owned(hospitalId, id);
        DeviceInput valid = validOrThrow(input);
        if (valid.assetId() != null && !valid.assetId().equals(device.assetId)
                && devices.findByAssetId(hospitalId, valid.assetId()).isPresent()) {
            throw ApiException.conflict("A device with assetId '" + valid.assetId() + "' already exists");
        }
        device.apply(valid);
        changed.fire(new DevicesChanged(hospitalId, Set.of(device.id), Set.of()));
        return DeviceView.of(device);
    }

    @Transactional
    public void delete(UUID hospitalId, UUID id) {
        Device device = owned(hospitalId, id);
        changed.fire(new DevicesChanged(hospitalId, Set.of(), Set.of(device.id)));
        devices.delete(device);
    }

    /** One page of the hospital's devices; reads only, so it opens no transaction of its own. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeviceView> list(UUID hospitalId, String manufacturer, String q, PageRequest page) {
        DeviceRepository.Slice slice = devices.search(hospitalId, manufacturer, q, page.page(), page.size());
        return page.of(slice.items().stream().map(DeviceView::of).toList(), slice.total());
    }

    /**
     * Upserts the valid rows by assetId in one transaction and reports every rejected row with its line.
     * A row is written whole or not at all: validation happens before anything is written.
     */
    @Transactional
    public ImportResult importRows(UUID hospitalId, ParsedImport parsed) {
        List<ImportResult.RowError> errors = new ArrayList<>(parsed.unreadable());
        Map<String, Integer> firstLineOfAsset = new HashMap<>();
        List<ImportRow> valid = new ArrayList<>();
        for (ImportRow row : parsed.rows()) {
            DeviceValidator.Result result = DeviceValidator.validate(row.input());
            if (!result.ok()) {
                errors.add(new ImportResult.RowError(row.line(), describe(result.errors(), row.fieldNames())));
                continue;
            }
            String assetId = result.device().assetId();
            if (assetId != null) {
                Integer first = firstLineOfAsset.putIfAbsent(assetId, row.line());
                if (first != null) {
                    errors.add(new ImportResult.RowError(row.line(),
                            "duplicate asset_id '" + assetId + "' (first given on line " + first + ")"));
                    continue;
                }
            }
            valid.add(new ImportRow(row.line(), result.device(), row.fieldNames()));
        }

        Map<String, Device> existing = new HashMap<>();
        for (Device d : devices.findByAssetIds(hospitalId, firstLineOfAsset.keySet())) {
            existing.put(d.assetId, d);
        }
        int created = 0;
        int updated = 0;
        Set<UUID> touched = new LinkedHashSet<>();
        List<Device> fresh = new ArrayList<>();
        for (ImportRow row : valid) {
            Device current = row.input().assetId() == null ? null : existing.get(row.input().assetId());
            if (current != null) {
                current.apply(row.input());
                touched.add(current.id);
                updated++;
            } else {
                Device device = Device.create(hospitalId, row.input());
                fresh.add(device);
                touched.add(device.id);
                created++;
            }
        }
        devices.persist(fresh);
        devices.flush();
        if (!touched.isEmpty()) {
            changed.fire(new DevicesChanged(hospitalId, touched, Set.of()));
        }
        errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return new ImportResult(created, updated, errors.size(), errors, parsed.ignoredColumns());
    }

    private Device owned(UUID hospitalId, UUID id) {
        return devices.findOwned(hospitalId, id).orElseThrow(() -> ApiException.notFound("Device " + id));
    }

    private static DeviceInput validOrThrow(DeviceInput input) {
        if (input == null) {
            throw ApiException.badRequest("A device JSON object is required", List.of());
        }
        DeviceValidator.Result result = DeviceValidator.validate(input);
        if (!result.ok()) {
            throw ApiException.badRequest(describe(result.errors(), Map.of()), result.errors());
        }
        return result.device();
    }

    private static String describe(List<FieldError> errors, Map<String, String> names) {
        StringBuilder sb = new StringBuilder();
        for (FieldError e : errors) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(names.getOrDefault(e.field(), e.field())).append(": ").append(e.message());
        }
        return sb.toString();
    }
}
