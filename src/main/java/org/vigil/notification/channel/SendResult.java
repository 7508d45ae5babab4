package org.vigil.notification.channel;

import java.time.Duration;

/**
 * What one attempt achieved. {@code statusCode} is the HTTP status (webhooks) or null (email, network errors).
 *
 * @param retryAfter what the receiver asked for (Retry-After), or null
 */
public record SendResult(Outcome outcome, Integer statusCode, String error, Duration retryAfter) {

    public enum Outcome {
        DELIVERED,
        /** Network error, timeout, 5xx, 408 or 429: try again later. */
        RETRY,
        /** Refused for good (other 4xx, a redirect, a target that became internal): no further attempts. */
        FAILED,
        /** 410 Gone: the receiver is gone for good; the subscription is disabled. */
        GONE
    }

    public static SendResult delivered(Integer status) {
        return new SendResult(Outcome.DELIVERED, status, null, null);
    }

    public static SendResult retry(Integer status, String error, Duration retryAfter) {
        return new SendResult(Outcome.RETRY, status, error, retryAfter);
    }

    public static SendResult failed(Integer status, String error) {
        return new SendResult(Outcome.FAILED, status, error, null);
    }

    /** Classifies an HTTP answer: 2xx delivered, 410 gone, 408/429/5xx retried, everything else final. */
    public static SendResult ofHttp(int status, Duration retryAfter) {
        if (status >= 200 && status < 300) {
            return delivered(status);
        }
        if (status == 410) {
            return new SendResult(Outcome.GONE, status, "HTTP 410 Gone: the receiver is gone; subscription disabled", null);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return retry(status, "HTTP " + status, retryAfter);
        }
        if (status >= 300 && status < 400) {
            return failed(status, "HTTP " + status + ": redirects are not followed; update the subscription URL");
        }
        return failed(status, "HTTP " + status);
    }
}
