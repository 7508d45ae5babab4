package org.vigil.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.vigil.api.ApiException;
import org.vigil.api.PageRequest;

@ApplicationScoped
public class HospitalService {

    private final HospitalRepository hospitals;
    private final ApiKeyService keys;

    public HospitalService(HospitalRepository hospitals, ApiKeyService keys) {
        this.hospitals = hospitals;
        this.keys = keys;
    }

    /** Creates a hospital with its first API key, returned in clear this once. */
    @Transactional
    public Created create(String name, String contactEmail) {
        Hospital hospital = Hospital.create(name.trim(), contactEmail == null ? null : contactEmail.trim());
        hospitals.persist(hospital);
        ApiKeyService.IssuedKey key = keys.issueHospitalKey(hospital.id);
        return new Created(hospital, key);
    }

    @Transactional
    public Hospital get(UUID id) {
        return hospitals.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("Hospital " + id));
    }

    @Transactional
    public List<Hospital> list(PageRequest page) {
        return hospitals.findAll(io.quarkus.panache.common.Sort.by("createdAt").and("id"))
                .page(page.page(), page.size()).list();
    }

    @Transactional
    public long count() {
        return hospitals.count();
    }

    public record Created(Hospital hospital, ApiKeyService.IssuedKey key) {
    }
}
