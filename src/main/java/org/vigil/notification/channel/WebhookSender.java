package org.vigil.notification.channel;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;
import org.vigil.notification.NotificationConfig;
import org.vigil.notification.WebhookConfig;
import org.vigil.notification.outbox.Backoff;

/**
 * POSTs a signed payload to a webhook. The host is resolved and checked by {@link TargetGuard} on every attempt,
 * and the connection goes to exactly the address that was checked (Host header and TLS SNI still carry the
 * name). Redirects are never followed: a 3xx is a final failure. The receiver's answer is judged by its status;
 * of its body at most {@link #MAX_REPLY_BYTES} are read, and the whole exchange is cut at the deadline, so a
 * receiver that streams forever or never answers costs one bounded buffer and one timeout, nothing more.
 */
@ApplicationScoped
public class WebhookSender {

    /** The most of a reply body that is read; the rest is never buffered (the connection is closed). */
    public static final int MAX_REPLY_BYTES = 64 * 1024;
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

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
            if (e.detail() != null) {
                LOG.warnf("Webhook target refused at delivery: %s (%s)", e.getMessage(), e.detail());
            }
            // An unresolvable name may be a DNS outage: retried. A name that now points inside is refused for good.
            return e.transientFailure() ? SendResult.retry(null, e.getMessage(), null)
                    : SendResult.failed(null, e.getMessage());
        }
        long timestamp = Instant.now().getEpochSecond();
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 443 : 80);
        Duration deadline = config.webhookTimeout();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setFollowRedirects(false)
                .setIdleTimeout(deadline.toMillis())
                .putHeader("content-type", "application/json")
                .putHeader("user-agent", "Vigil-Webhooks/1")
                .putHeader("webhook-id", webhookId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSigner.sign(secret, webhookId, timestamp, body));
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        CompletableFuture<Answer> head = new CompletableFuture<>();
        CompletableFuture<Void> drained = new CompletableFuture<>();
        long until = System.nanoTime() + deadline.toNanos();
        client.request(options).onComplete(created -> {
            if (created.failed()) {
                head.completeExceptionally(created.cause());
                return;
            }
            request.set(created.result());
            if (head.isDone()) {
                created.result().reset();   // connected after the deadline: send nothing
                return;
            }
            created.result().send(Buffer.buffer(body)).onComplete(sent -> {
                if (sent.failed()) {
                    head.completeExceptionally(sent.cause());
                } else {
                    head.complete(new Answer(sent.result().statusCode(), sent.result().getHeader("Retry-After")));
                    drainPrefix(sent.result(), drained);
                }
            });
        });
        try {
            Answer a = head.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            awaitQuietly(drained, until);
            return SendResult.ofHttp(a.status(), Backoff.retryAfter(a.retryAfter(), Instant.now()));
        } catch (ExecutionException e) {
            return SendResult.retry(null, "network: " + Errors.describe(e), null);
        } catch (TimeoutException e) {
            return SendResult.retry(null, "network: no answer within " + deadline.toSeconds() + "s", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retry(null, "interrupted", null);
        } finally {
            // Past the deadline, or once the answer is in: whatever is still open is cut, never left streaming.
            head.completeExceptionally(new CancellationException("deadline"));
            HttpClientRequest r = request.get();
            if (r != null) {
                r.reset();
            }
        }
    }

    /**
     * The status decides the outcome; the body is read only as a courtesy to the receiver, until it ends, until
     * {@link #MAX_REPLY_BYTES} arrived or until the deadline, and never kept.
     */
    private static void drainPrefix(HttpClientResponse response, CompletableFuture<Void> drained) {
        long[] read = {0};
        response.exceptionHandler(e -> drained.complete(null));
        response.endHandler(v -> drained.complete(null));
        response.handler(chunk -> {
            read[0] += chunk.length();
            if (read[0] >= MAX_REPLY_BYTES) {
                drained.complete(null);
                response.request().reset();
            }
        });
    }

    private static void awaitQuietly(CompletableFuture<Void> drained, long untilNanos) throws InterruptedException {
        try {
            drained.get(Math.max(0, untilNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // a reply still streaming at the deadline is cut in the caller's finally
        }
    }

    private record Answer(int status, String retryAfter) {
    }
}
