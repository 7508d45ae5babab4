package org.vigil.notification.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.api.QueryLists;
import org.vigil.notification.Subscription;
import org.vigil.notification.SubscriptionRepository;

/** The delivery log and replay, scoped to the caller's hospital; and the synchronous test send. */
@ApplicationScoped
public class DeliveryService {

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final DeliveryClaims claims;
    private final Dispatcher dispatcher;

    public DeliveryService(DeliveryRepository deliveries, SubscriptionRepository subscriptions, DeliveryClaims claims,
            Dispatcher dispatcher) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.claims = claims;
        this.dispatcher = dispatcher;
    }

    /** The hospital's deliveries, newest first, optionally of some statuses ({@code FAILED,DEAD}). */
    @Transactional
    public Page<DeliveryView> list(UUID hospitalId, String status, PageRequest page) {
        String where = "hospitalId = :h";
        Parameters params = Parameters.with("h", hospitalId);
        List<Delivery.Status> statuses = QueryLists.enums("status", status, Delivery.Status.class);
        if (!statuses.isEmpty()) {
            where += " and status in :s";
            params.and("s", statuses);
        }
        var query = deliveries.find(where + " order by createdAt desc, id", params);
        return page.of(query.page(page.page(), page.size()).list().stream().map(DeliveryView::of).toList(), query.count());
    }

    @Transactional
    public DeliveryView get(UUID hospitalId, UUID id) {
        return DeliveryView.of(owned(hospitalId, id));
    }

    /**
     * Queues a delivery to be sent again at the next dispatcher pass, under the same webhook-id, with a fresh
     * attempt budget. Rows being sent, or folded into a digest, cannot be redelivered on their own.
     */
    @Transactional
    public DeliveryView redeliver(UUID hospitalId, UUID id) {
        Delivery d = owned(hospitalId, id);
        switch (d.status) {
            case SENDING -> throw ApiException.conflict("Delivery " + id + " is being sent right now");
            case QUEUED -> throw ApiException.conflict("Delivery " + id + " waits for its daily digest");
            case DIGESTED -> throw ApiException.conflict("Delivery " + id + " went out in digest " + d.digestId
                    + "; redeliver that one");
            default -> { }
        }
        Subscription s = subscriptions.findById(d.subscriptionId);
        if (s == null || !s.enabled) {
            throw ApiException.conflict("Subscription " + d.subscriptionId + " is disabled"
                    + (s == null || s.disabledReason == null ? "" : " (" + s.disabledReason + ")")
                    + "; create a new subscription");
        }
        Instant now = Instant.now();
        d.status = Delivery.Status.PENDING;
        d.attempts = 0;
        d.nextAttemptAt = now;
        d.updatedAt = now;
        d.deliveredAt = null;
        return DeliveryView.of(d);
    }

    /** Sends a sample through the subscription's channel now (one attempt) and returns the logged delivery. */
    public DeliveryView sendTest(UUID hospitalId, UUID subscriptionId) {
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Subscription s = subscriptions.findOwned(hospitalId, subscriptionId)
                    .orElseThrow(() -> ApiException.notFound("Subscription " + subscriptionId));
            String key = "test|" + s.id + "|" + UUID.randomUUID();
            Delivery d = Delivery.create(hospitalId, s.id, Delivery.Kind.TEST, key, key, Delivery.Status.PENDING,
                    Instant.now());
            deliveries.persist(d);
            return d.id;
        });
        if (claims.claimOne(id, Dispatcher.INSTANCE, Instant.now())) {
            dispatcher.deliver(id, Dispatcher.INSTANCE);
        }
        return QuarkusTransaction.requiringNew().call(() -> DeliveryView.of(deliveries.findById(id)));
    }

    private Delivery owned(UUID hospitalId, UUID id) {
        return deliveries.findOwned(hospitalId, id).orElseThrow(() -> ApiException.notFound("Delivery " + id));
    }
}
