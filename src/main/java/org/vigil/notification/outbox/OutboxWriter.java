package org.vigil.notification.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.vigil.db.InsertIfAbsent;
import org.vigil.advisory.Advisory;
import org.vigil.advisory.Json;
import org.vigil.inventory.Device;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.Finding;
import org.vigil.matching.finding.MatchEvent;
import org.vigil.matching.finding.MatchEventType;
import org.vigil.matching.finding.MatchEventsRecorded;
import org.vigil.notification.Subscription;
import org.vigil.notification.SubscriptionRepository;

/**
 * The transactional outbox: turns match events into delivery rows inside the matching transaction, so a
 * notification exists exactly when its finding change committed. One row per subscription × advisory ×
 * revision × event type, grouping that advisory's devices: one email per advisory, never one per device.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final Logger LOG = Logger.getLogger(OutboxWriter.class);

    private final EntityManager em;
    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final RevisionsInTransaction revisions;
    private final DataSource dataSource;

    public OutboxWriter(EntityManager em, SubscriptionRepository subscriptions, DeliveryRepository deliveries,
            RevisionsInTransaction revisions, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.revisions = revisions;
    }

    void onRecorded(@Observes MatchEventsRecorded recorded) {
        write(recorded.events());
    }

    /** Writes the delivery rows for these events in the caller's transaction; returns how many rows changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int write(List<MatchEvent> events) {
        if (events == null || events.isEmpty()) {
            return 0;
        }
        Map<UUID, List<Subscription>> byHospital = subscriptions
                .enabledFor(events.stream().map(e -> e.hospitalId).collect(Collectors.toSet())).stream()
                .collect(Collectors.groupingBy(s -> s.hospitalId));
        if (byHospital.isEmpty()) {
            return 0;
        }
        // Only the subscribed hospitals' events are read further: a full re-match records an event for every finding
        // of every hospital, and the findings and devices of hospitals without a subscription are never needed.
        events = events.stream().filter(e -> byHospital.containsKey(e.hospitalId)).toList();
        Map<String, Advisory> advisories = byId(Advisory.class, events.stream().map(e -> e.advisoryId).toList(), a -> a.id);
        Map<UUID, Finding> findings = byId(Finding.class, events.stream().map(e -> e.findingId).toList(), f -> f.id);
        Map<UUID, Device> devices = byId(Device.class, events.stream().map(e -> e.deviceId).toList(), d -> d.id);

        Map<List<Object>, List<MatchEvent>> groups = new LinkedHashMap<>();
        for (MatchEvent e : events) {
            groups.computeIfAbsent(List.of(e.hospitalId, e.advisoryId, String.valueOf(e.advisoryRevision), e.type),
                    k -> new ArrayList<>()).add(e);
        }
        Instant now = Instant.now();
        int written = 0;
        for (List<MatchEvent> group : groups.values()) {
            MatchEvent first = group.get(0);
            Advisory advisory = advisories.get(first.advisoryId);
            if (advisory == null || !byHospital.containsKey(first.hospitalId)) {
                continue;
            }
            if (first.type == MatchEventType.FINDING_CHANGED
                    && revisions.nonMaterial(first.advisoryId, first.advisoryRevision)) {
                // Matching only reports material changes; this is the second lock on the door.
                LOG.infof("Not notifying FINDING_CHANGED for %s rev %s: the revision changed nothing material",
                        first.advisoryId, first.advisoryRevision);
                continue;
            }
            List<NoticeItem> items = items(group, findings, devices);
            for (Subscription sub : byHospital.get(first.hospitalId)) {
                if (!sub.wants(first.type, advisory.source, advisory.severity)) {
                    continue;
                }
                List<NoticeItem> wanted = items.stream()
                        .filter(i -> sub.wants(i.confidence() == null ? null : Confidence.valueOf(i.confidence())))
                        .toList();
                if (!wanted.isEmpty() && enqueue(sub, first, wanted, now)) {
                    written++;
                }
            }
        }
        return written;
    }

    /**
     * Adds the items to the event's unsent row, or writes a row. Items already covered by a row of the same
     * event are dropped, so a re-fired event sends nothing twice; a device that joins after the first row went
     * out gets a follow-up row ({@code key#n}) instead of being lost.
     */
    private boolean enqueue(Subscription sub, MatchEvent event, List<NoticeItem> items, Instant now) {
        String base = sub.id + "|" + event.advisoryId + "|" + event.advisoryRevision + "|" + event.type;
        List<Delivery> existing = deliveries.withBaseKey(base);
        Set<UUID> covered = new HashSet<>();
        for (Delivery d : existing) {
            Json.readList(d.itemsJson, NoticeItem.class).forEach(i -> covered.add(i.findingId()));
        }
        List<NoticeItem> fresh = items.stream().filter(i -> !covered.contains(i.findingId())).toList();
        if (fresh.isEmpty()) {
            return false;
        }
        Delivery.Status initial = sub.mode == Subscription.Mode.IMMEDIATE ? Delivery.Status.PENDING : Delivery.Status.QUEUED;
        for (Delivery d : existing) {
            if (d.status == initial && d.attempts == 0 && d.leaseOwner == null) {
                List<NoticeItem> merged = new ArrayList<>(Json.readList(d.itemsJson, NoticeItem.class));
                merged.addAll(fresh);
                // Conditional: if a dispatcher claimed the row meanwhile, its content is fixed; write a follow-up.
                int updated = em.createQuery("update Delivery d set d.itemsJson = :items, d.updatedAt = :now"
                                + " where d.id = :id and d.status = :status and d.attempts = 0 and d.leaseOwner is null")
                        .setParameter("items", Json.write(merged)).setParameter("now", now)
                        .setParameter("id", d.id).setParameter("status", initial).executeUpdate();
                if (updated == 1) {
                    return true;
                }
            }
        }
        Delivery d = Delivery.create(sub.hospitalId, sub.id, Delivery.Kind.EVENT, base, base, initial, now);
        d.advisoryId = event.advisoryId;
        d.advisoryRevision = event.advisoryRevision;
        d.eventType = event.type;
        d.itemsJson = Json.write(fresh);
        // Another transaction may write the same follow-up key at the same time (two imports into one hospital):
        // the key is taken if absent, else the next one, so both rows land and neither transaction fails.
        for (int n = existing.size(); !insertIfAbsent(d, n == 0 ? base : base + "#" + n); n++) {
            d.id = UUID.randomUUID();
        }
        return true;
    }

    private boolean insertIfAbsent(Delivery d, String key) {
        try (Connection c = dataSource.getConnection()) {
            return InsertIfAbsent.one(c, "INSERT INTO delivery (id, hospital_id, subscription_id, kind, base_key,"
                            + " idempotency_key, advisory_id, advisory_revision, event_type, items_json, status, attempts,"
                            + " next_attempt_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
                    d.id, d.hospitalId, d.subscriptionId, d.kind.name(), d.baseKey, key, d.advisoryId,
                    d.advisoryRevision, d.eventType.name(), d.itemsJson, d.status.name(),
                    d.nextAttemptAt == null ? null : Timestamp.from(d.nextAttemptAt), Timestamp.from(d.createdAt),
                    Timestamp.from(d.updatedAt));
        } catch (SQLException e) {
            throw new IllegalStateException("outbox write failed", e);
        }
    }

    private static List<NoticeItem> items(List<MatchEvent> group, Map<UUID, Finding> findings, Map<UUID, Device> devices) {
        Map<UUID, NoticeItem> byFinding = new LinkedHashMap<>();
        for (MatchEvent e : group) {
            Finding f = findings.get(e.findingId);
            Device d = devices.get(e.deviceId);
            List<String> reasons = f == null ? List.of() : Json.readList(f.reasonsJson, String.class);
            byFinding.putIfAbsent(e.findingId, new NoticeItem(e.findingId, e.deviceId,
                    d == null ? null : d.assetId, d == null ? null : d.manufacturer, d == null ? null : d.model,
                    d == null ? null : d.version, d == null ? null : d.location, d == null ? null : d.department,
                    d == null ? 1 : d.quantity, f == null || f.confidence == null ? null : f.confidence.name(),
                    reasons, e.detail));
        }
        return List.copyOf(byFinding.values());
    }

    private <K, T> Map<K, T> byId(Class<T> type, Collection<K> ids, Function<T, K> id) {
        Map<K, T> found = new HashMap<>();
        List<K> distinct = List.copyOf(new HashSet<>(ids));
        for (int i = 0; i < distinct.size(); i += 500) {
            em.createQuery("from " + type.getSimpleName() + " x where x.id in :ids", type)
                    .setParameter("ids", distinct.subList(i, Math.min(distinct.size(), i + 500)))
                    .getResultList().forEach(t -> found.put(id.apply(t), t));
        }
        return found;
    }
}
