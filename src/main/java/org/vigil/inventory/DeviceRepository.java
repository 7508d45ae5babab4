package org.vigil.inventory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    /** A device of this hospital; another hospital's id is simply absent. */
    public Optional<Device> findOwned(UUID hospitalId, UUID id) {
        return find("id = ?1 and hospitalId = ?2", id, hospitalId).firstResultOptional();
    }

    public Optional<Device> findByAssetId(UUID hospitalId, String assetId) {
        return find("hospitalId = ?1 and assetId = ?2", hospitalId, assetId).firstResultOptional();
    }

    public List<Device> findByAssetIds(UUID hospitalId, Collection<String> assetIds) {
        List<Device> found = new ArrayList<>();
        List<String> all = List.copyOf(assetIds);
        for (int i = 0; i < all.size(); i += 500) {
            found.addAll(list("hospitalId = ?1 and assetId in ?2", hospitalId, all.subList(i, Math.min(all.size(), i + 500))));
        }
        return found;
    }

    /** One page of a hospital's devices, filtered; returns the page and the total matching count. */
    public Slice search(UUID hospitalId, String manufacturer, String q, int page, int size) {
        StringBuilder where = new StringBuilder("hospitalId = :h");
        Parameters params = Parameters.with("h", hospitalId);
        if (manufacturer != null && !manufacturer.isBlank()) {
            where.append(" and lower(manufacturer) like :m escape '\\'");
            params.and("m", like(manufacturer));
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(manufacturer) like :q escape '\\' or lower(model) like :q escape '\\'"
                    + " or lower(coalesce(version, '')) like :q escape '\\' or lower(coalesce(assetId, '')) like :q escape '\\'"
                    + " or lower(coalesce(location, '')) like :q escape '\\' or lower(coalesce(department, '')) like :q escape '\\'"
                    + " or lower(coalesce(catalogNumber, '')) like :q escape '\\' or coalesce(udiDi, '') = :exact"
                    + " or coalesce(serialNumber, '') = :exact or coalesce(lotNumber, '') = :exact)");
            params.and("q", like(q)).and("exact", q.trim());
        }
        var query = find(where.toString(), Sort.by("manufacturer").and("model").and("id"), params);
        List<Device> items = query.page(page, size).list();
        return new Slice(items, new org.vigil.api.PageRequest(page, size).total(items.size(), query::count));
    }

    private static String like(String text) {
        String escaped = text.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    public record Slice(List<Device> items, long total) {
    }
}
