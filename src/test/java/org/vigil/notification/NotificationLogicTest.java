package org.vigil.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.advisory.Severity;
import org.vigil.api.ProblemDetail.FieldError;
import org.vigil.matching.evidence.Confidence;
import org.vigil.matching.finding.MatchEventType;
import org.vigil.notification.channel.SendResult;
import org.vigil.notification.channel.TargetGuard;
import org.vigil.notification.channel.WebhookSigner;
import org.vigil.notification.outbox.Backoff;

/** Pure notification logic: SSRF classification, signing, backoff, digest schedule, validation. */
class NotificationLogicTest {

    @Test
    void internalAddressesAreRefusedAndPublicOnesAccepted() throws Exception {
        for (String internal : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "169.254.10.1", "100.64.0.1", "100.127.255.254", "100.100.100.200", "0.0.0.0",
                "::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "::ffff:10.0.0.1", "::ffff:127.0.0.1",
                "2002:a00:1::", "64:ff9b::a00:1", "224.0.0.1", "255.255.255.255", "198.18.0.1",
                // local-use NAT64, Teredo and IPv4-translated forms (whatever they embed)
                "64:ff9b:1::5db8:d70e", "64:ff9b:1:ffff::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::1",
                "::ffff:0:5db8:d70e", "::ffff:0:a00:1")) {
            assertTrue(TargetGuard.refusal(InetAddress.getByName(internal)).isPresent(), internal + " must be refused");
        }
        for (String external : List.of("93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
                "2002:5db8:d70e::")) {
            assertTrue(TargetGuard.refusal(InetAddress.getByName(external)).isEmpty(), external + " is public");
        }
        assertEquals("the cloud metadata address", TargetGuard.refusal(InetAddress.getByName("169.254.169.254")).get());
        assertEquals("a carrier-grade NAT (CGNAT) address", TargetGuard.refusal(InetAddress.getByName("100.64.0.1")).get());
        assertEquals("a unique-local address", TargetGuard.refusal(InetAddress.getByName("fd12::1")).get());
        assertEquals("a Teredo tunnel address", TargetGuard.refusal(InetAddress.getByName("2001::1")).get());
        assertTrue(TargetGuard.refusal(InetAddress.getByName("2001:db9::1")).isEmpty(), "only 2001::/32 is Teredo");
    }

    @Test
    void aRefusalNeverNamesTheAddressTheHostResolvedTo() {
        // "localhost" stands for any internal name: the tenant learns that it is internal, not where it points.
        TargetGuard.Refused refused = org.junit.jupiter.api.Assertions.assertThrows(TargetGuard.Refused.class,
                () -> TargetGuard.check(java.net.URI.create("https://localhost:8443/hook"), false));
        assertEquals("host 'localhost' resolves to a private address; such targets are refused"
                + " (vigil.webhooks.allow-private-targets)", refused.getMessage());
        assertTrue(refused.detail().contains("loopback"), "the server log still says which: " + refused.detail());
    }

    @Test
    void signatureMatchesTheStandardWebhooksReferenceVector() {
        // Test vector of the Standard Webhooks reference libraries.
        String signature = WebhookSigner.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L, "{\"test\": 2432232314}");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
        assertTrue(WebhookSigner.newSecret().startsWith("whsec_"));
        assertFalse(WebhookSigner.newSecret().equals(WebhookSigner.newSecret()));
    }

    @Test
    void backoffDoublesWithJitterHonoursRetryAfterAndSpansAboutADay() {
        Duration initial = Duration.ofMinutes(1);
        Duration max = Duration.ofHours(6);
        assertEquals(Duration.ofMinutes(1), Backoff.delay(1, initial, max, null, 0.5));
        assertEquals(Duration.ofMinutes(8), Backoff.delay(4, initial, max, null, 0.5));
        assertEquals(Duration.ofHours(6), Backoff.delay(12, initial, max, null, 0.5));
        assertEquals(Duration.ofSeconds(48), Backoff.delay(1, initial, max, null, 0.0), "jitter -20%");
        assertTrue(Backoff.delay(1, initial, max, null, 0.999).toSeconds() >= 71, "jitter up to +20%");
        assertEquals(Duration.ofMinutes(30), Backoff.delay(1, initial, max, Duration.ofMinutes(30), 0.5));
        assertEquals(Duration.ofHours(6), Backoff.delay(1, initial, max, Duration.ofDays(3), 0.5), "capped");
        Duration span = Backoff.span(13, initial, max);
        assertTrue(span.toHours() >= 20 && span.toHours() <= 30, "default attempts span about a day: " + span);

        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        assertEquals(Duration.ofSeconds(120), Backoff.retryAfter("120", now));
        assertEquals(Duration.ofMinutes(5), Backoff.retryAfter("Sat, 28 Nov 2026 10:05:00 GMT", now));
        assertNull(Backoff.retryAfter("soon", now));
        assertNull(Backoff.retryAfter(null, now));
    }

    @Test
    void httpStatusesAreClassified() {
        assertEquals(SendResult.Outcome.DELIVERED, SendResult.ofHttp(204, null).outcome());
        assertEquals(SendResult.Outcome.RETRY, SendResult.ofHttp(500, null).outcome());
        assertEquals(SendResult.Outcome.RETRY, SendResult.ofHttp(503, null).outcome());
        assertEquals(SendResult.Outcome.RETRY, SendResult.ofHttp(429, Duration.ofSeconds(9)).outcome());
        assertEquals(Duration.ofSeconds(9), SendResult.ofHttp(429, Duration.ofSeconds(9)).retryAfter());
        assertEquals(SendResult.Outcome.FAILED, SendResult.ofHttp(400, null).outcome());
        assertEquals(SendResult.Outcome.FAILED, SendResult.ofHttp(401, null).outcome());
        assertEquals(SendResult.Outcome.FAILED, SendResult.ofHttp(302, null).outcome());
        assertEquals(SendResult.Outcome.GONE, SendResult.ofHttp(410, null).outcome());
    }

    @Test
    void digestPeriodEndsAtTheNextLocalHourAcrossDaylightSaving() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals(Instant.parse("2026-11-29T06:00:00Z"),
                DigestSchedule.nextAfter(Instant.parse("2026-11-28T07:00:00Z"), 7, berlin));
        assertEquals(Instant.parse("2026-11-28T06:00:00Z"),
                DigestSchedule.nextAfter(Instant.parse("2026-11-28T05:59:59Z"), 7, berlin));
        // 29 March 2026: 02:00 does not exist in Berlin; the digest goes out at 03:00 local (01:00Z).
        assertEquals(Instant.parse("2026-03-29T01:00:00Z"),
                DigestSchedule.nextAfter(Instant.parse("2026-03-28T12:00:00Z"), 2, berlin));
    }

    @Test
    void validationNamesEveryWrongField() {
        var result = SubscriptionValidator.validate(new SubscriptionInput(null, "EMAIL",
                List.of("ok@example.org", "not-an-address"), null, "SEVERE", "maybe", List.of("CISA CSAF"),
                List.of("NEW_FINDING", "EVERYTHING"), "DAILY_DIGEST", 25, "Mars/Olympus", true), false);
        assertEquals(List.of("emails[1]", "minSeverity", "minConfidence", "sources[0]", "eventTypes[1]", "digestHour",
                "timeZone"), result.errors().stream().map(FieldError::field).toList());

        var webhook = SubscriptionValidator.validate(new SubscriptionInput(null, "WEBHOOK", null,
                "http://hooks.example.org/x", null, null, null, null, null, null, null, null), false);
        assertEquals("url", webhook.errors().get(0).field());
        assertTrue(SubscriptionValidator.validate(new SubscriptionInput(null, "WEBHOOK", null,
                "https://user:pw@hooks.example.org/x", null, null, null, null, null, null, null, null), false)
                .errors().get(0).message().contains("credentials"));
    }

    @Test
    void secretsAreSealedWithTheKeyAndPlainWithout() {
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        SecretBox box = new SecretBox(java.util.Optional.of(key));
        String secret = WebhookSigner.newSecret();
        String stored = box.seal(secret);
        assertTrue(stored.startsWith("enc:v1:") && !stored.contains(secret.substring(6)));
        assertFalse(stored.equals(box.seal(secret)), "fresh IV each time");
        assertEquals(secret, box.open(stored));
        assertEquals(secret, box.open(secret), "values stored before a key was set still work");
        for (String malformed : List.of("not base64!", java.util.Base64.getEncoder().encodeToString(new byte[16]))) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> new SecretBox(java.util.Optional.of(malformed)));
            assertTrue(e.getMessage().startsWith("vigil.notification.secret-key must be 32 random bytes"), e.getMessage());
            assertFalse(e.getMessage().contains(malformed), "the key is never quoted");
        }
        SecretBox none = new SecretBox(java.util.Optional.empty());
        assertEquals(secret, none.seal(secret));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> none.open(stored));
    }

    @Test
    void filtersApplySeveritySourceTypeAndConfidence() {
        Subscription s = SubscriptionValidator.validate(new SubscriptionInput(null, "EMAIL", List.of("a@example.org"),
                null, "HIGH", "LIKELY", List.of("cisa-csaf"), List.of("NEW_FINDING", "KEV_ADDED"), null, null, null,
                null), false).subscription();
        assertTrue(s.wants(MatchEventType.NEW_FINDING, "cisa-csaf", Severity.CRITICAL));
        assertFalse(s.wants(MatchEventType.NEW_FINDING, "cisa-csaf", Severity.MEDIUM));
        assertFalse(s.wants(MatchEventType.NEW_FINDING, "fda-recall", Severity.CRITICAL));
        assertFalse(s.wants(MatchEventType.FINDING_RESOLVED, "cisa-csaf", Severity.CRITICAL));
        assertTrue(s.wants(Confidence.CONFIRMED));
        assertTrue(s.wants(Confidence.LIKELY));
        assertFalse(s.wants(Confidence.POSSIBLE));
    }
}
