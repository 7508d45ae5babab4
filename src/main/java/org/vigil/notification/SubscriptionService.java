package org.vigil.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.vigil.api.ApiException;
import org.vigil.api.Page;
import org.vigil.api.PageRequest;
import org.vigil.api.ProblemDetail.FieldError;
import org.vigil.notification.channel.TargetGuard;
import org.vigil.notification.channel.WebhookSigner;

/** A hospital's subscriptions: every method is scoped to the caller's hospital. */
@ApplicationScoped
public class SubscriptionService {

    private final SubscriptionRepository subscriptions;
    private final WebhookConfig webhooks;
    private final SecretBox secrets;

    public SubscriptionService(SubscriptionRepository subscriptions, WebhookConfig webhooks, SecretBox secrets) {
        this.subscriptions = subscriptions;
        this.webhooks = webhooks;
        this.secrets = secrets;
    }

    /**
     * Validates and stores a subscription. A webhook target is resolved now and refused when it is internal
     * (SSRF guard); the answer carries the generated signing secret, the only time it is shown.
     */
    @Transactional
    public SubscriptionView create(UUID hospitalId, SubscriptionInput input) {
        if (input == null) {
            throw ApiException.badRequest("A subscription JSON object is required", List.of());
        }
        SubscriptionValidator.Result result = SubscriptionValidator.validate(input, webhooks.allowHttp());
        if (!result.ok()) {
            throw invalid(result.errors());
        }
        Subscription s = result.subscription();
        String secret = null;
        if (s.channel == Subscription.Channel.WEBHOOK) {
            try {
                TargetGuard.check(URI.create(s.webhookUrl), webhooks.allowPrivateTargets());
            } catch (TargetGuard.Refused e) {
                throw ApiException.badField("url", e.getMessage());
            }
            secret = WebhookSigner.newSecret();
            s.webhookSecret = secrets.seal(secret);
        }
        s.id = UUID.randomUUID();
        s.hospitalId = hospitalId;
        s.enabled = true;
        s.createdAt = Instant.now();
        if (s.mode == Subscription.Mode.DAILY_DIGEST) {
            s.nextDigestAt = DigestSchedule.nextAfter(s.createdAt, s.digestHour, ZoneId.of(s.digestZone));
        }
        subscriptions.persist(s);
        return SubscriptionView.withSecret(s, secret);
    }

    @Transactional
    public Page<SubscriptionView> list(UUID hospitalId, PageRequest page) {
        var query = subscriptions.find("hospitalId = ?1 order by createdAt, id", hospitalId);
        return page.of(query.page(page.page(), page.size()).list().stream().map(SubscriptionView::of).toList(),
                query.count());
    }

    @Transactional
    public SubscriptionView get(UUID hospitalId, UUID id) {
        return SubscriptionView.of(owned(hospitalId, id));
    }

    /** Deletes the subscription with its delivery log; unsent deliveries are dropped with it. */
    @Transactional
    public void delete(UUID hospitalId, UUID id) {
        subscriptions.delete(owned(hospitalId, id));
    }

    Subscription owned(UUID hospitalId, UUID id) {
        return subscriptions.findOwned(hospitalId, id).orElseThrow(() -> ApiException.notFound("Subscription " + id));
    }

    private static ApiException invalid(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder();
        for (FieldError e : errors) {
            sb.append(sb.length() == 0 ? "" : "; ").append(e.field()).append(": ").append(e.message());
        }
        return ApiException.badRequest(sb.toString(), errors);
    }
}
