package org.vigil.fault;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.vigil.support.VigilClient;

/** The checks every fault ends with, as a hospital and its receiver see the result. */
final class Checks {

    private static final Duration SETTLE = Duration.ofSeconds(120);

    private Checks() {
    }

    /**
     * Waits until the hospital's deliveries are all DELIVERED, then checks findings and what the receiver got:
     * one successful request per delivery, a second only for the ids in {@code mayRepeat}.
     */
    static Outcome settle(VigilClient api, FaultInjectionIT.Hospital h, List<String> advisories,
            WireMockServer receiver, Set<String> mayRepeat) {
        List<Map<String, Object>> deliveries = delivered(api, h.key(), advisories.size());
        int findings = checkFindings(api, h.key(), advisories);
        List<ServeEvent> events = received(receiver, h.path());
        Map<String, Long> ok = new TreeMap<>();
        int failed = 0;
        for (ServeEvent e : events) {
            int status = e.getResponse().getStatus();
            if (status >= 200 && status < 300) {
                ok.merge(e.getRequest().getHeader("webhook-id"), 1L, Long::sum);
            } else {
                failed++;
            }
        }
        Set<String> rows = deliveries.stream().map(d -> (String) d.get("webhookId")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(rows, ok.keySet(), "every delivery reached the receiver, and nothing else did");
        int resent = 0;
        for (var e : ok.entrySet()) {
            if (e.getValue() > 1) {
                resent++;
                assertTrue(e.getValue() == 2 && mayRepeat.contains(e.getKey()),
                        "only a request in flight at the kill is sent again, once: " + e);
            }
        }
        return new Outcome(findings, deliveries.size(), resent, failed);
    }

    /** The same for email: one message per delivery id at the SMTP server. */
    static Outcome settleMail(VigilClient api, String key, List<String> advisories, GreenMail smtp) {
        List<Map<String, Object>> deliveries = delivered(api, key, advisories.size());
        int findings = checkFindings(api, key, advisories);
        Map<String, Long> perId = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            try {
                String[] id = m.getHeader("X-Vigil-Delivery-Id");
                if (id != null) {
                    perId.merge(id[0], 1L, Long::sum);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, Long> expected = new TreeMap<>();
        deliveries.forEach(d -> expected.put((String) d.get("id"), 1L));
        assertEquals(expected, perId, "one message per delivery at the SMTP server");
        int failed = deliveries.stream().mapToInt(d -> ((Number) d.get("attempts")).intValue() - 1).sum();
        return new Outcome(findings, deliveries.size(), 0, failed);
    }

    private static List<Map<String, Object>> delivered(VigilClient api, String key, int expected) {
        List<List<Map<String, Object>>> last = new ArrayList<>(List.of(List.of()));
        try {
            await().atMost(SETTLE).pollInterval(Duration.ofMillis(500)).until(() -> {
                List<Map<String, Object>> d = api.deliveries(key);
                last.set(0, d);
                return d.size() == expected && d.stream().allMatch(x -> "DELIVERED".equals(x.get("status")));
            });
        } catch (RuntimeException e) {
            throw new AssertionError("deliveries did not settle: " + last.get(0), e);
        }
        List<Map<String, Object>> d = last.get(0);
        assertTrue(d.stream().allMatch(x -> "NEW_FINDING".equals(x.get("eventType"))),
                "no FINDING_RESOLVED (or other event) for the still-affected device: " + d);
        return d;
    }

    private static int checkFindings(VigilClient api, String key, List<String> advisories) {
        List<Map<String, Object>> findings = api.findings(key);
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> f : findings) {
            assertEquals("OPEN", f.get("state"), "finding " + f);
            ids.add((String) ((Map<?, ?>) f.get("advisory")).get("id"));
        }
        assertEquals(new TreeSet<>(advisories), new TreeSet<>(ids), "every expected finding is present");
        return findings.size();
    }

    static List<ServeEvent> received(WireMockServer receiver, String path) {
        return receiver.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(path)).toList();
    }

    static List<String> webhookIds(WireMockServer receiver, String path) {
        return received(receiver, path).stream().map(e -> e.getRequest().getHeader("webhook-id")).toList();
    }

    /** PID of the instance holding the matching lease. */
    static long leaseHolder(ScratchDatabase db) {
        return pid(String.valueOf(db.query("SELECT owner FROM matching_lease WHERE id = 1").get(0).get(0)));
    }

    private static long pid(String owner) {
        return Long.parseLong(owner.substring(0, owner.indexOf('@')));
    }

    /** PIDs of the instances holding deliveries in SENDING (lease owner "pid@host/uuid"). */
    static Set<Long> sendingOwners(ScratchDatabase db) {
        Set<Long> pids = new HashSet<>();
        for (List<Object> row : db.query("SELECT DISTINCT lease_owner FROM delivery WHERE status = 'SENDING'")) {
            pids.add(pid(String.valueOf(row.get(0))));
        }
        return pids;
    }
}
