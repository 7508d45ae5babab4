package org.vigil.matching.company;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ManufacturerAliasRepository implements PanacheRepositoryBase<ManufacturerAlias, UUID> {
}
