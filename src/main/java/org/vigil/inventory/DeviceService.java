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
import org.vigil.ingest.gudid.GudidConfig;
import org.vigil.inventory.enrichment.DeviceEnrichment;

/** A hospital's inventory: every method is scoped to the caller's hospital. */
@ApplicationScoped
public class DeviceService {

    private final DeviceRepository devices;
    private final Event<DevicesChanged> changed;
    private final DeviceEnrichment enrichment;
    private final GudidConfig gudid;

    public DeviceService(DeviceRepository devices, Event<DevicesChanged> changed, DeviceEnrichment enrichment,
            GudidConfig gudid) {
        this.devices = devices;
        this.changed = changed;
        this.enrichment = enrichment;
        this.gudid = gudid;
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
        return view(device);
    }

    @Transactional
    public DeviceView get(UUID hospitalId, UUID id) {
        return view(owned(hospitalId, id));
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
        return view(device);
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
        Map<String, String> summaries = enrichment.summaries(slice.items().stream().map(d -> d.udiDi).toList());
        return page.of(slice.items().stream().map(d -> DeviceView.of(d, summaries.get(d.udiDi))).toList(),
                slice.total());
    }

    private DeviceView view(Device d) {
        return DeviceView.of(d, d.udiDi == null ? null : enrichment.summaries(List.of(d.udiDi)).get(d.udiDi));
    }

    private Device owned(UUID hospitalId, UUID id) {
        return devices.findOwned(hospitalId, id).orElseThrow(() -> ApiException.notFound("Device " + id));
    }

    private DeviceInput validOrThrow(DeviceInput input) {
        if (input == null) {
            throw ApiException.badRequest("A device JSON object is required", List.of());
        }
        DeviceValidator.Result result = DeviceValidator.validate(input, gudid.enabled());
        if (!result.ok()) {
            throw ApiException.badRequest(DeviceValidator.describe(result.errors(), Map.of()), result.errors());
        }
        return result.device();
    }
}
