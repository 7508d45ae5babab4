package org.vigil.notification.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DeliveryRepository implements PanacheRepositoryBase<Delivery, UUID> {

    public Optional<Delivery> findOwned(UUID hospitalId, UUID id) {
        return find("id = ?1 and hospitalId = ?2", id, hospitalId).firstResultOptional();
    }

    public List<Delivery> withBaseKey(String baseKey) {
        return list("baseKey", Sort.by("createdAt"), baseKey);
    }

    public List<Delivery> queuedFor(UUID subscriptionId) {
        return list("subscriptionId = ?1 and status = ?2", Sort.by("createdAt"), subscriptionId, Delivery.Status.QUEUED);
    }

    public List<Delivery> inDigest(UUID digestId) {
        return list("digestId", Sort.by("createdAt"), digestId);
    }
}
