package org.vigil.tenancy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class HospitalRepository implements PanacheRepositoryBase<Hospital, UUID> {
}
