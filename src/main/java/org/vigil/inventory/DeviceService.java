package org.vigil.inventory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
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

    private Device owned(UUID hospitalId, UUID id) {
        return devices.findOwned(hospitalId, id).orElseThrow(() -> ApiException.notFound("Device " + id));
    }

    private static DeviceInput validOrThrow(DeviceInput input) {
        if (input == null) {
            throw ApiException.badRequest("A device JSON object is required", List.of());
        }
        DeviceValidator.Result result = DeviceValidator.validate(input);
        if (!result.ok()) {
            throw ApiException.badRequest(DeviceValidator.describe(result.errors(), Map.of()), result.errors());
        }
        return result.device();
    }
}
