package org.vigil.notification.channel;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vigil.notification.NotificationConfig;
import org.vigil.notification.WebhookConfig;
import org.vigil.notification.outbox.Backoff;

/**
 * POSTs a signed payload to a webhook. The host is resolved and checked by {@link TargetGuard} on every attempt,
 * and the connection goes to exactly the address that was checked (Host header and TLS SNI still carry the
 * name). Redirects are never followed: a 3xx is a final failure.
 */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient client;
    private final NotificationConfig config;
    private final WebhookConfig webhooks;

    public WebhookSender(Vertx vertx, NotificationConfig config, WebhookConfig webhooks) {
        this.config = config;
        this.webhooks = webhooks;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.webhookConnectTimeout().toMillis())
                .setKeepAlive(false)
                .setVerifyHost(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** One attempt; {@code secret} signs, and is never logged nor put in an error message. */
    public SendResult send(String url, String secret, String webhookId, String body) {
        URI uri = URI.create(url);
        InetAddress address;
        try {
            address = TargetGuard.check(uri, webhooks.allowPrivateTargets());
        } catch (TargetGuard.Refused e) {
            // An unresolvable name may be a DNS outage: retried. A name that now points inside is refused for good.
            return e.transientFailure() ? SendResult.retry(null, e.getMessage(), null)
                    : SendResult.failed(null, e.getMessage());
        }
        long timestamp = Instant.now().getEpochSecond();
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setFollowRedirects(false)
                .setTimeout(config.webhookTimeout().toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Vigil-Webhooks/1")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.sign(secret, webhookId, timestamp, body));
        try {
            Answer answer = client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .compose(response -> response.body().map(ignored ->
                            new Answer(response.statusCode(), response.getHeader("Retry-After"))))
                    .toCompletionStage().toCompletableFuture()
                    .get(config.webhookTimeout().plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
            Duration retryAfter = Backoff.retryAfter(answer.retryAfter(), Instant.now());
            return SendResult.ofHttp(answer.status(), retryAfter);
        } catch (ExecutionException e) {
            return SendResult.retry(null, "network: " + Errors.describe(e), null);
        } catch (TimeoutException e) {
            return SendResult.retry(null, "network: no answer within " + config.webhookTimeout().toSeconds() + "s", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry(null, "interrupted", null);
        }
    }

    private record Answer(int status, String retryAfter) {
    }
}
