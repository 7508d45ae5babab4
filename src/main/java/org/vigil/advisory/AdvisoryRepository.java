package org.vigil.advisory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AdvisoryRepository implements PanacheRepositoryBase<Advisory, String> {
}
