package org.vigil.inventory.importing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.vigil.advisory.Json;

/** A hospital's saved import mapping, applied to every import after the request's own mapping. */
@ApplicationScoped
public class ImportMappingService {

    /** The mapping as the API shows it. */
    public record View(Map<String, String> mapping, Instant updatedAt, String updatedBy) {
    }

    private final EntityManager em;

    public ImportMappingService(EntityManager em) {
        this.em = em;
    }

    /** The saved mapping (empty when none was saved). */
    @Transactional
    public View get(UUID hospitalId) {
        ImportMapping m = em.find(ImportMapping.class, hospitalId);
        return m == null ? new View(Map.of(), null, null)
                : new View(shown(read(m.mappingJson)), m.updatedAt, m.updatedBy);
    }

    /** Replaces the saved mapping; each field must be a device field or "ignore" (stored as ""). */
    @Transactional
    public View put(UUID hospitalId, Map<String, String> mapping, String actor) {
        Map<String, String> valid = ImportOptions.validated(mapping);
        ImportMapping m = em.find(ImportMapping.class, hospitalId);
        boolean fresh = m == null;
        if (fresh) {
            m = new ImportMapping();
            m.hospitalId = hospitalId;
        }
        m.mappingJson = Json.write(valid);
        m.updatedAt = Instant.now();
        m.updatedBy = actor;
        if (fresh) {
            em.persist(m);
        }
        return new View(shown(valid), m.updatedAt, m.updatedBy);
    }

    @Transactional
    public void delete(UUID hospitalId) {
        ImportMapping m = em.find(ImportMapping.class, hospitalId);
        if (m != null) {
            em.remove(m);
        }
    }

    /** The saved mapping as imports use it: column → field, "" for an ignored column. */
    @Transactional
    Map<String, String> mapping(UUID hospitalId) {
        ImportMapping m = em.find(ImportMapping.class, hospitalId);
        return m == null ? Map.of() : read(m.mappingJson);
    }

    private static Map<String, String> shown(Map<String, String> mapping) {
        Map<String, String> out = new LinkedHashMap<>();
        mapping.forEach((k, v) -> out.put(k, v.isEmpty() ? "ignore" : v));
        return out;
    }

    private static Map<String, String> read(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        Json.readMap(json).forEach((k, v) -> out.put(k, v == null ? "" : v.toString()));
        return out;
    }
}
