package org.vigil.notification;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SubscriptionRepository implements PanacheRepositoryBase<Subscription, UUID> {

    /** A subscription of this hospital; another hospital's id is simply absent (404, never 403). */
    public Optional<Subscription> findOwned(UUID hospitalId, UUID id) {
        return find("id = ?1 and hospitalId = ?2", id, hospitalId).firstResultOptional();
    }

    public List<Subscription> enabledFor(Collection<UUID> hospitalIds) {
        return list("hospitalId in ?1 and enabled = true", hospitalIds);
    }

    public List<Subscription> digestsDue(Instant now) {
        return list("mode = ?1 and enabled = true and nextDigestAt <= ?2", Subscription.Mode.DAILY_DIGEST, now);
    }
}
